// Checks docs/scenario.schema.json with tools the project did not write: the npm "yaml" package
// (the parser of the YAML language server editors use) reads each scenario as YAML 1.2, and ajv
// validates what it read against the schema.
//
// - Every good and warn scenario, the bundled sample and the guide's complete example are
//   accepted.
// - Every bad scenario in tests/data/scenarios/bad is listed below (a folder missing from the
//   list fails the test), with exactly the places where the schema rejects it, the YAML errors
//   the reader itself reports, and, in words, what 'rjkiosk check' reports there that the
//   schema cannot express. A bad scenario with no schema places is one the schema accepts.
// - Limits no bad folder reaches (201 steps, 12 labels, ...) are rejected, and the step
//   skeletons the schema offers editors are valid steps.
// - The sample scenario names the installed schema in its yaml-language-server modeline.
//
// Usage: node check_scenario_schema.js SCHEMA TOOLS_DIR TEST_DATA SAMPLE_DIR GUIDE INSTALLED_SCHEMA
'use strict';
const fs = require('fs');
const path = require('path');

const [schemaFile, toolsDir, testData, sampleDir, guide, installedSchema] = process.argv.slice(2);
if (!installedSchema) {
	console.error('usage: check_scenario_schema.js SCHEMA TOOLS_DIR TEST_DATA SAMPLE_DIR GUIDE ' +
		'INSTALLED_SCHEMA');
	process.exit(2);
}
const toolsRequire = require('module').createRequire(path.join(path.resolve(toolsDir), 'package.json'));
const Ajv = toolsRequire('ajv');
const YAML = toolsRequire('yaml');

// Keywords of the VS Code JSON and YAML language servers: messages, hover texts and snippets,
// no validation of their own.
const ajv = new Ajv({allErrors: true, allowUnionTypes: true});
for (const keyword of ['errorMessage', 'patternErrorMessage', 'enumDescriptions', 'defaultSnippets'])
	ajv.addKeyword({keyword, schemaType: ['string', 'array']});
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const validate = ajv.compile(schema);

// Where the schema rejects a value, as "JSON pointer: what".
function place(e) {
	const at = e.instancePath;
	if (e.keyword === 'additionalProperties')
		return `${at}/${e.params.additionalProperty}: unknown key`;
	if (e.keyword === 'required')
		return `${at}/${e.params.missingProperty}: missing`;
	if (e.propertyName !== undefined)
		return `${at}/${e.propertyName}: key ${e.keyword}`;
	return `${at || '/'}: ${e.keyword}`;
}

// Reads a scenario as an editor does; returns the YAML error codes and the schema's places.
function check(text) {
	// logLevel: a complex key (bad/complex-key) is stringified without a warning on stderr
	const doc = YAML.parseDocument(text, {logLevel: 'error'});
	const yaml = [...new Set(doc.errors.map((e) => e.code))].sort();
	const places = validate(doc.toJS()) ? [] :
		[...new Set(validate.errors.filter((e) => e.keyword !== 'if' &&
			e.keyword !== 'propertyNames').map(place))].sort();
	return {yaml, schema: places};
}

// Every bad scenario. schema: the places the schema rejects. yaml: the errors of the YAML reader
// (the editor shows these as syntax errors). not: what 'rjkiosk check' reports there that the
// schema cannot express.
const BAD = {
	'anchors-aliases': {not: ['YAML anchors and aliases: the schema sees the values they stand for']},
	'apostrophe-in-single-quotes': {yaml: ['UNEXPECTED_TOKEN']},
	'bad-escape': {yaml: ['BAD_DQ_ESCAPE']},
	'bad-ids': {schema: ['/id: pattern', '/steps/0/id: pattern', '/steps/1/id: pattern']},
	'bad-indentation': {yaml: ['MISSING_CHAR']},
	'bad-language': {schema: ['/language: pattern']},
	'bad-language-shape': {schema: ['/language: pattern']},
	'binary-file': {yaml: ['MULTILINE_IMPLICIT_KEY']},
	'choice-duplicate-options': {
		schema: ['/steps/0/options/3: type'],
		not: ["options that differ only in spaces around them ('Yes' and ' Yes ')"],
	},
	'choice-option-counts': {
		schema: ['/steps/0/options: minItems', '/steps/1/options: maxItems', '/steps/2/options: missing'],
	},
	'colon-in-text': {yaml: ['BLOCK_AS_IMPLICIT_KEY']},
	'complex-key': {schema: ['/[ a, b ]: unknown key']},
	'control-character': {schema: ['/steps/0/text: pattern']},
	'cue-bad-times': {
		schema: ['/video/cues/0/at: type', '/video/cues/1/at: pattern', '/video/cues/2/at: pattern',
			'/video/cues/3/at: pattern', '/video/cues/4/at: pattern', '/video/cues/5/at: pattern',
			'/video/cues/6/at: pattern', '/video/cues/7/at: pattern', '/video/cues/8/at: pattern'],
	},
	'cue-names-no-step': {not: ['a cue naming a step id that no step has (a cross-reference)']},
	'cue-same-step': {not: ['two cues naming the same step (a cross-reference)']},
	'cue-same-time': {not: ['two cues at the same time written differently (1:30 and 0:01:30.000)']},
	'cue-shapes': {
		schema: ['/video/cues/0: type', '/video/cues/1/step: missing', '/video/cues/2/pause: unknown key',
			'/video/skipahead: unknown key'],
	},
	'cues-without-video-file': {schema: ['/video/file: missing']},
	'curly-quotes': {yaml: ['BLOCK_AS_IMPLICIT_KEY']},
	'curly-quotes-option': {schema: ['/steps/0/options/0: type']},
	'duplicate-keys': {yaml: ['DUPLICATE_KEY']},
	'duplicate-step-ids': {not: ['two steps with the same id']},
	'empty-file': {schema: ['/: type']},
	'empty-values': {
		schema: ['/content_note: type', '/steps/0/hint: type', '/steps/0/text: pattern', '/steps/1/options/1: pattern',
			'/steps/1/options/2: type', '/title: pattern'],
	},
	'escape-codes': {
		schema: ['/description: pattern', '/steps/0/text: pattern', '/steps/1/options/0: pattern',
			'/steps/1/options/2: pattern', '/title: pattern'],
	},
	'id-length-characters': {schema: ['/steps/0/id: pattern']},
	'invalid-utf8': {not: ['the file encoding: an editor shows the file in the encoding it guesses']},
	'key-of-other-kind': {
		schema: ['/steps/0/required: unknown key', '/steps/1/options: unknown key', '/steps/2/minutes: unknown key'],
	},
	'line-breaks-one-line': {
		schema: ['/steps/0/labels/1: pattern', '/steps/0/title: pattern', '/title: pattern'],
	},
	'list-misaligned': {yaml: ['BLOCK_AS_IMPLICIT_KEY', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY']},
	'many-errors': {
		schema: ['/id: pattern', '/steps/0/minuts: unknown key', '/steps/2/options: minItems',
			'/steps/3/text: missing', '/title: pattern'],
		not: ['scale min not less than max (compares two values)', 'two steps with the same id'],
	},
	'media-absolute': {schema: ['/video/captions: pattern', '/video/file: pattern']},
	'media-backslash': {schema: ['/video/file: pattern']},
	'media-dotdot': {schema: ['/video/captions: pattern', '/video/file: pattern']},
	'media-missing': {not: ['media files that do not exist in the scenario folder']},
	'media-not-a-file': {
		schema: ['/video/captions: pattern'],
		not: ['a media path naming a folder'],
	},
	'missing-dash': {yaml: ['DUPLICATE_KEY']},
	'missing-keys': {
		schema: ['/id: missing', '/rjkiosk: missing', '/steps/0/id: missing', '/steps/1/kind: missing',
			'/steps/2/max: missing', '/steps/2/min: missing', '/title: missing', '/video/file: missing'],
		not: ['media files that do not exist in the scenario folder'],
	},
	'no-space-after-colon': {yaml: ['MULTILINE_IMPLICIT_KEY']},
	'not-a-mapping': {schema: ['/: type']},
	'nul-in-key': {schema: ['/steps\u0000: unknown key']},
	'nul-in-text': {schema: ['/steps/0/text: pattern']},
	'only-comments': {schema: ['/: type']},
	'scale-labels': {
		yaml: ['DUPLICATE_KEY'],
		schema: ['/steps/0/labels/3: pattern', '/steps/0/labels/5: type', '/steps/0/labels/low: key pattern',
			'/steps/1/labels: type'],
		not: ["a label value outside this scale's min and max (only -1000 to 1000 is checked)"],
	},
	'scale-min-not-less': {not: ['scale min not less than max (compares two values)']},
	'scale-out-of-range': {schema: ['/steps/0/max: maximum', '/steps/0/min: minimum', '/steps/1/min: type']},
	'scale-span': {not: ['a scale longer than min + 10 (compares two values)']},
	'several-documents': {
		yaml: ['MULTIPLE_DOCS'],
		not: ["a second document: this reader refuses it, but an editor checks each document on its own, " +
			"so only 'rjkiosk check' reports it"],
	},
	'steps-empty': {schema: ['/steps: minItems']},
	'steps-not-a-list': {schema: ['/steps: type']},
	'tabs-in-indentation': {yaml: ['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT']},
	'tags': {not: ['YAML tags (!!str): the schema sees the tagged values']},
	'text-after-end': {
		yaml: ['MULTIPLE_DOCS'],
		not: ["text after the end marker '...': an editor reads it as a second document"],
	},
	'text-after-closing-quote': {yaml: ['UNEXPECTED_TOKEN']},
	'text-limits': {
		schema: ['/steps/0/max_chars: minimum', '/steps/1/max_chars: maximum', '/steps/2/minutes: minimum',
			'/steps/3/minutes: minimum', '/steps/4/minutes: maximum'],
	},
	'title-several-lines': {schema: ['/title: pattern']},
	'too-deep': {
		schema: ['/steps/0: type'],
		not: ['the nesting depth itself (the schema sees a step that is not a group of keys)'],
	},
	'unclosed-quote': {yaml: ['MISSING_CHAR']},
	'unknown-keys': {
		schema: ['/steps/0/minuts: unknown key', '/steps/1/colour: unknown key', '/title: missing',
			'/titel: unknown key'],
	},
	'unknown-kind': {schema: ['/steps/0/kind: enum', '/steps/1/kind: enum']},
	'utf16': {encoding: true, not: ['the file encoding (UTF-16)']},
	'utf32': {encoding: true, not: ['the file encoding (UTF-32)']},
	'utf32-no-mark': {encoding: true, not: ['the file encoding (UTF-32)']},
	'version-newer': {schema: ['/rjkiosk: const']},
	'version-not-a-number': {schema: ['/rjkiosk: const']},
	'wrong-types': {
		schema: ['/content_note: type', '/id: type', '/language: type', '/rjkiosk: const', '/steps/0/minutes: type',
			'/steps/0/notes: type', '/steps/1/max_chars: type', '/steps/1/required: type', '/steps/2/multiple: type',
			'/steps/2/options: type', '/steps/3: type', '/title: type', '/video: type'],
	},
};

// What 'rjkiosk check' refuses that no bad folder shows and the schema lets through, because
// the schema sees values after YAML has read them, or cannot compare or count them.
const ALSO_NOT_EXPRESSIBLE = [
	'a file over 1 MiB',
	"whole numbers in another notation (minutes: 0x10, 1e2, 5.0, rjkiosk: 1.0): YAML reads them as numbers",
	'true and false written True, TRUE, False or FALSE',
	"scale label keys in quotes ('1': Low)",
	"unquoted times in a file that starts with '%YAML 1.1' (1:30 is then read as a number: refused " +
		'although the kiosk accepts it; quotes, as the guide recommends, avoid it)',
	'ids written as numbers with a sign or in another notation (id: +5, 0xFF, 1.0), or longer than 64 digits',
	"options that differ only as written (1 and 01, true and True): refused as duplicates although the kiosk accepts them",
];

// Limits no bad folder reaches, written out here: counts the schema checks.
function steps(n) {
	let s = 'rjkiosk: 1\nid: many\ntitle: T\nsteps:\n';
	for (let i = 0; i < n; i++)
		s += `  - {id: s${i}, kind: discussion, text: Talk}\n`;
	return s;
}
const GENERATED = [
	{name: '200 steps', text: steps(200), schema: []},
	{name: '201 steps', text: steps(201), schema: ['/steps: maxItems']},
	{name: '12 labels', schema: ['/steps/0/labels: maxProperties'],
		text: 'rjkiosk: 1\nid: l\ntitle: T\nsteps:\n  - id: s\n    kind: scale\n    text: How?\n' +
			'    min: 0\n    max: 10\n    labels: {0: a, 1: b, 2: c, 3: d, 4: e, 5: f, 6: g, 7: h, 8: i, ' +
			'9: j, 10: k, 11: l}\n'},
	{name: 'captions not .srt or .vtt, language too long, scale bound quoted, label key -1001', text:
		'rjkiosk: 1\nid: c\ntitle: T\nlanguage: en-abcdefgh-abcdefgh-abcdefgh-abcdefgh\n' +
		'video: {file: v.mp4, captions: v.vtt.txt}\nsteps:\n' +
		'  - {id: s, kind: scale, text: How?, min: "1", max: 5, labels: {-1001: x}}\n',
	schema: ['/language: pattern', '/steps/0/labels/-1001: key pattern', '/steps/0/min: type',
		'/video/captions: pattern']},
];

let failures = 0, passes = 0;
function expect(name, got, want) {
	const a = JSON.stringify(got), b = JSON.stringify([...want].sort());
	if (a === b) {
		passes++;
		return;
	}
	failures++;
	console.log(`FAIL: ${name}\n  expected ${b}\n  got      ${a}`);
}

function accepted(name, text) {
	const r = check(text);
	expect(`${name}: YAML errors`, r.yaml, []);
	expect(`${name}: schema places`, r.schema, []);
}

for (const group of ['good', 'warn']) {
	for (const dir of fs.readdirSync(path.join(testData, 'scenarios', group)).sort())
		accepted(`${group}/${dir}`, fs.readFileSync(path.join(testData, 'scenarios', group, dir,
			'scenario.yaml'), 'utf8'));
}
const sample = fs.readFileSync(path.join(sampleDir, 'scenario.yaml'), 'utf8');
accepted('the sample scenario', sample);
const example = /```yaml\n(# [^\n]*\n)*rjkiosk: 1\n[\s\S]*?```/.exec(fs.readFileSync(guide, 'utf8'));
if (!example) {
	failures++;
	console.log("FAIL: the guide's complete example (a yaml block starting with 'rjkiosk: 1') was not found");
} else {
	accepted("the guide's complete example", example[0].slice(8, -3));
}

const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(sample);
expect('the sample scenario names the installed schema', modeline ? [modeline[1]] : [], [installedSchema]);

const badDir = path.join(testData, 'scenarios', 'bad');
const folders = fs.readdirSync(badDir).sort();
for (const dir of folders) {
	const want = BAD[dir];
	if (!want) {
		failures++;
		console.log(`FAIL: bad/${dir} is not listed in ${path.basename(__filename)}: add what the ` +
			'schema rejects there and what it cannot express');
		continue;
	}
	if (want.encoding)
		continue; // read as UTF-8 here, the file is noise; an editor decodes it its own way
	const r = check(fs.readFileSync(path.join(badDir, dir, 'scenario.yaml'), 'utf8'));
	expect(`bad/${dir}: YAML errors`, r.yaml, want.yaml || []);
	// after a YAML error the schema sees whatever the reader recovered: checked only when listed
	if (!r.yaml.length || want.schema)
		expect(`bad/${dir}: schema places`, r.schema, want.schema || []);
}
for (const name of Object.keys(BAD)) {
	if (!folders.includes(name)) {
		failures++;
		console.log(`FAIL: bad/${name} is listed but no longer exists`);
	}
}
// The step skeletons an editor offers are valid steps once their placeholders are filled in.
for (const snippet of schema.definitions.step.defaultSnippets) {
	const step = JSON.parse(JSON.stringify(snippet.body).replace(/\$\{\d+:([^}]*)\}/g, '$1'));
	const ok = validate({rjkiosk: 1, id: 'snippets', title: 'T', steps: [step]});
	expect(`the '${snippet.label}' skeleton: schema places`, ok ? [] : validate.errors.map(place), []);
}
for (const c of GENERATED) {
	const r = check(c.text);
	expect(`${c.name}: YAML errors`, r.yaml, []);
	expect(`${c.name}: schema places`, r.schema, c.schema);
}

const rejected = Object.values(BAD).filter((b) => b.schema).length;
const notExpressible = Object.entries(BAD).filter(([, b]) => b.not);
console.log(`${passes} checks passed, ${failures} failed`);
console.log(`bad scenarios: ${rejected} rejected by the schema, ` +
	`${Object.values(BAD).filter((b) => b.yaml).length} refused by the YAML reader; ` +
	'not expressible in the schema:');
for (const [name, b] of notExpressible)
	console.log(`  ${name}: ${b.not.join('; ')}`);
for (const what of ALSO_NOT_EXPRESSIBLE)
	console.log(`  ${what}`);
process.exit(failures ? 1 : 0);
