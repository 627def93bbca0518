#!/bin/sh
# The polkit rule the install script adds (kiosk/50-rjkiosk-power.rules): valid JavaScript for
# node's own parser, and, run by node against a stand-in for polkit's addRule, it allows
# power-off and reboot (and their -multiple-sessions and -ignore-inhibit forms) to the kiosk
# user only, and nothing else to anyone.
# Usage: check_polkit_rule.sh SOURCE_DIR
set -eu
rule=$1/kiosk/50-rjkiosk-power.rules
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$rule" "$tmp/rule.js"
node --check "$tmp/rule.js" || { echo "FAIL: the polkit rule is not valid JavaScript"; exit 1; }
cat >"$tmp/run.js" <<'JS'
const fs = require("fs");
const rules = [];
const polkit = {
  Result: { YES: "yes", NO: "no", AUTH_ADMIN: "auth_admin", NOT_HANDLED: null },
  addRule: (f) => rules.push(f),
};
new Function("polkit", fs.readFileSync(process.argv[2], "utf8"))(polkit);
if (rules.length !== 1) throw new Error("the file adds " + rules.length + " rules, want 1");
const power = ["power-off", "reboot"].flatMap((a) =>
  ["", "-multiple-sessions", "-ignore-inhibit"].map((v) => "org.freedesktop.login1." + a + v));
const others = ["org.freedesktop.login1.suspend", "org.freedesktop.login1.halt",
  "org.freedesktop.login1.set-wall-message", "org.freedesktop.systemd1.manage-units",
  "org.freedesktop.packagekit.package-install", "org.freedesktop.login1.power-off-x"];
let fails = 0;
const check = (id, user, want) => {
  const got = rules[0]({ id }, { user, local: true, active: true }) ?? null;
  if (got !== want) {
    console.log(`FAIL: ${id} for ${user}: ${got}, want ${want}`);
    fails++;
  }
};
for (const id of power) {
  check(id, "rjkiosk", "yes");
  check(id, "trainee", null);
  check(id, "rjkiosk2", null);
}
for (const id of others) check(id, "rjkiosk", null);
process.exit(fails ? 1 : 0);
JS
node "$tmp/run.js" "$tmp/rule.js" || exit 1
echo "polkit rule: ok"
