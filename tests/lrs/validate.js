// Checks every statement of an xAPI export (a JSON array) with Learning Locker's validator,
// npm @learninglocker/xapi-validation; exit 1 and the warnings when any is invalid.
// Usage (from tests/lrs/tools): node ../validate.js FILE
const validate = require('@learninglocker/xapi-validation').default;
const statements = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const s of statements) {
  const warnings = validate(s);
  if (warnings.length) {
    bad++;
    console.log(s.id, JSON.stringify(warnings));
  }
}
console.log(`${statements.length} statements checked, ${bad} invalid`);
process.exit(bad || !Array.isArray(statements) ? 1 : 0);
