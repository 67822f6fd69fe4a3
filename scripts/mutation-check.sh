#!/usr/bin/env bash
# Mutation check (issue 19): breaks the portal's isolation and its other promises one mutation
# at a time and asserts that the test files meant to guard each one FAIL. Not part of CI's
# default run (about 15 minutes on two cores); run it before calling an isolation issue done,
# and add a line below for every new scoped model, record rule or write path.
#
#   scripts/mutation-check.sh            every mutation
#   scripts/mutation-check.sh 'scope|rule'  the mutations whose name matches (bash regex)
#
# Where the mutations are applied, so the working tree is never touched:
# - the TypeScript ones to a scratch copy of the tree in a temporary folder (sources copied,
#   node_modules hard-linked, .cache linked so the Tryton runtime and template databases are
#   reused), restored from a pristine copy after each mutation and deleted at exit;
# - the record rules of portal_api inside one trytond test process: a fresh copy of the
#   activated test database gets each rule's domain set to [] in turn (what loading portal.xml
#   with domain="[]" gives; the runtime imports the module from this tree, so editing the XML
#   would mutate the working tree) and the module's isolation tests run against it.
# A mutation that no longer applies (the code moved) is an error, never a silent pass. Each
# test file first runs unmutated: a file that fails without mutation proves nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FILTER="${1:-}"
SERIES="${TRYTON_SERIES:-7.6}"
export TRYTON_SERIES="$SERIES"
# The runtime's cache key holds the sources' path: give the scratch tree the same one.
if [[ -z "${TRYTON_SOURCES:-}" && -d "$ROOT/../shared/tryton/$SERIES/trytond" ]]; then
  TRYTON_SOURCES="$(cd "$ROOT/../shared/tryton/$SERIES" && pwd)"
  export TRYTON_SOURCES
fi

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/portal-mutation.XXXXXX")"
LOGS="$SCRATCH/logs"
TREE="$SCRATCH/tree"
PRISTINE="$SCRATCH/pristine"
cleanup() { rm -rf "$SCRATCH"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$LOGS" "$PRISTINE"

echo "mutation-check: scratch tree in $TREE" >&2
rsync -a --exclude node_modules --exclude .cache --exclude .git "$ROOT/" "$TREE/"
ln -s "$ROOT/.cache" "$TREE/.cache"
(cd "$ROOT" && find . \( -path ./.cache -o -path ./.git \) -prune -o -name node_modules -type d -prune -print) |
  while read -r dir; do
    mkdir -p "$TREE/$(dirname "$dir")"
    cp -al "$ROOT/$dir" "$TREE/$dir"
  done

ROWS=()
FAILED=0
row() {
  ROWS+=("$1|$2|$3")
  printf '%-52s %-58s %s\n' "$1" "$2" "$3" >&2
  [[ "$3" == yes* ]] || FAILED=1
}
selected() { [[ -z "$FILTER" || "$1" =~ $FILTER ]]; }

# mutate FILE OLD NEW: replaces the one occurrence of OLD in the scratch copy of FILE (the
# pristine copy kept for restore); a missing or repeated OLD is an error.
mutate() {
  local file="$1"
  mkdir -p "$PRISTINE/$(dirname "$file")"
  [[ -f "$PRISTINE/$file" ]] || cp "$TREE/$file" "$PRISTINE/$file"
  OLD="$2" NEW="$3" python3 - "$TREE/$file" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
old, new = os.environ['OLD'], os.environ['NEW']
count = text.count(old)
if count != 1:
    sys.exit(f'mutation does not apply to {path}: {count} occurrences of {old!r}')
open(path, 'w', encoding='utf-8').write(text.replace(old, new))
PY
}
restore() { cp "$PRISTINE/$1" "$TREE/$1"; }

# run_tests NAME PACKAGE FILE...: vitest on those files of the package in the scratch tree.
run_tests() {
  local name="$1" package="$2"
  shift 2
  (cd "$TREE/packages/$package" && CI=true timeout 900 pnpm exec vitest run "$@") \
    >"$LOGS/$name.log" 2>&1
}

declare -A BASELINE=()
# baseline PACKAGE FILE...: the files pass unmutated (once per run).
baseline() {
  local key="$*"
  [[ -n "${BASELINE[$key]:-}" ]] && return "${BASELINE[$key]}"
  if run_tests "baseline-${key//[^a-z0-9]/_}" "$@"; then BASELINE[$key]=0; else
    BASELINE[$key]=1
    row "(none: baseline)" "$1: ${*:2}" "NO: fails unmutated"
  fi
  return "${BASELINE[$key]}"
}

# check NAME FILE OLD NEW PACKAGE TESTFILE...: mutation caught when the test files fail.
check() {
  local name="$1" file="$2" old="$3" new="$4" package="$5"
  shift 5
  selected "$name" || return 0
  baseline "$package" "$@" || return 0
  mutate "$file" "$old" "$new"
  local verdict
  if run_tests "$name" "$package" "$@"; then verdict="NO: tests pass (log above)"; else
    # The first failing test's title: a failure for the wrong reason shows here.
    verdict="yes ($(sed -E 's/\x1b\[[0-9;]*m//g' "$LOGS/$name.log" | grep -m1 -oE '^ +× .*' |
      sed -E 's/^ +× //; s/ [0-9]+ms$//' || true))"
  fi
  restore "$file"
  [[ "$verdict" == yes* ]] || tail -40 "$LOGS/$name.log" >&2
  row "$name" "$package: $*" "$verdict"
}

# Each customer scope of the gateway's registry emptied: the read is no longer scoped.
GW=packages/gateway/src/tryton
# "mapper function" pairs; the loop reads no stdin (vitest may).
mapfile -t SCOPES < <(cd "$TREE/$GW" && grep -oE 'export function [a-zA-Z]+Scope\(parties: number\[\]\): Domain \{' ./*.mapper.ts |
  sed -E 's/^\.\/([^:]+):export function ([a-zA-Z]+)\(.*/\1 \2/')
for entry in "${SCOPES[@]}"; do
  read -r mapper fn <<<"$entry"
  signature="export function $fn(parties: number[]): Domain {"
  check "gateway scope $fn emptied" "$GW/$mapper" "$signature" "$signature
  return [];" gateway src/tryton/scopes.test.ts
done
# The same for orders, through the API against a Tryton whose rules are widened.
check "gateway scope saleScope emptied, rules widened" "$GW/sale.mapper.ts" \
  "export function saleScope(parties: number[]): Domain {" \
  "export function saleScope(parties: number[]): Domain {
  return [];" gateway test/isolation-layers.test.ts

check "query cost always 1" packages/gateway/src/quotas/cost.ts \
  "  return getComplexity({" "  return 1;
  return getComplexity({" gateway src/quotas/cost.test.ts

check "cursors ignored (every page the first)" packages/gateway/src/tryton/customer-tryton.ts \
  "    const side =
      bound &&" "    const side =
      null &&" \
  gateway test/pagination.test.ts

check "Decimal decoded as a number" packages/tryton-client/src/codec.ts \
  "return Decimal.from(String(object.decimal));" "return Number(object.decimal);" \
  tryton-client src/codec.test.ts

check "invoice PDF served without ownership check" packages/gateway/src/services/invoices.service.ts \
  "    const invoice = await this.byId(id);
    if (!invoice) return null;" \
  "    const invoice = (await this.byId(id)) ?? ({ number: String(id) } as Invoice);" \
  gateway test/isolation-layers.test.ts

# Roles (issue 16): a member's role or a token's scopes no longer checked, in GraphQL and on
# the downloads.
check "role: GraphQL fields and writes without their permission" packages/gateway/src/auth/permissions.ts \
  "  if (!allows(member.scopes, needed)) throw forbidden(needed, member.role);" "" \
  gateway test/permissions.test.ts
check "role: a download or export without its permission" packages/gateway/src/http/downloads.route.ts \
  "    if (!permitted(filePermissions, url.pathname, viewer.customer, res)) return;" "" \
  gateway test/download-roles.test.ts

# Each record rule of portal_api opened, in one trytond test process (see the header).
# The test comparing what each customer sees of every scoped model, the one on attachments
# whose resource Tryton shows but the portal does not (see rule_attachment there), and the one
# on bank accounts, which the gateway reads through the module's method only (bank.xml).
RULE_TESTS=(test_api_token_scopes_like_session test_draft_attachments_hidden test_bank_accounts_not_readable)
if selected "record rule"; then
  # Every record rule of the module, whichever XML file declares it (portal.xml, bank.xml,
  # complaint.xml...): a new scoped model joins the check by having its rule.
  mapfile -t RULES < <(cat "$TREE"/tryton/modules/portal_api/*.xml |
    grep -oE '<record model="ir.rule" id="[a-z_]+"' | sed -E 's/.*id="([a-z_]+)"/\1/')
  (
    source "$TREE/tryton/env.sh"
    export DB_NAME=":memory:" TRYTOND_DATABASE__URI="sqlite://"
    # A private copy of tryton/test.sh's activated database (same key), never written back.
    hash="$(cd "$TRYTON_DIR/modules/portal_api" && find . -name '*.py' -o -name '*.xml' -o -name '*.cfg' -o -name '*.txt' | sort | xargs cat | sha256sum | cut -c1-16)"
    export DB_CACHE="$SCRATCH/trytond-tests"
    mkdir -p "$DB_CACHE"
    cp "$ROOT/.cache/trytond-tests/$SERIES-$hash/"* "$DB_CACHE/" 2>/dev/null || true
    cd "$TRYTON_DIR"
    "$TRYTON_PYTHON" - "${RULE_TESTS[@]}" -- "${RULES[@]}" <<'PY'
import sys
import unittest

from trytond.modules.portal_api.tests import test_portal_api
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME
from trytond.transaction import Transaction

args = sys.argv[1:]
tests, rules = args[:args.index('--')], args[args.index('--') + 1:]


def set_domain(xml_id, domain):
    "Set the rule's domain as root (Tryton lets only root change a module's records)."
    with Transaction().start(DB_NAME, 0) as transaction:
        pool = Pool()
        Rule = pool.get('ir.rule')
        rule = Rule(pool.get('ir.model.data').get_id('portal_api', xml_id))
        Rule.write([rule], {'domain': domain})
        transaction.commit()


def failing(xml_id=None):
    "The tests that fail with the rule `xml_id` opened (the database is fresh each time)."
    class Mutated(test_portal_api.PortalApiTestCase):
        @classmethod
        def setUpClass(cls):
            super().setUpClass()
            if xml_id:
                set_domain(xml_id, '[]')

    suite = unittest.TestSuite(Mutated(name) for name in tests)
    with open('/dev/null', 'w') as sink:
        result = unittest.TextTestRunner(stream=sink).run(suite)
    # A subtest names its model; a plain test, its method.
    return sorted({
            str(getattr(t, 'params', {}).get('model', t.id().rsplit('.', 1)[-1]))
            for t, _ in result.failures + result.errors})


unmutated = failing()
if unmutated:
    print('BASELINE|' + ' '.join(unmutated), flush=True)
    sys.exit(0)
for xml_id in rules:
    print(f'{xml_id}|{" ".join(failing(xml_id))}', flush=True)
PY
  ) >"$LOGS/rules.out" 2>"$LOGS/rules.log" || true
  if grep -q '^BASELINE|' "$LOGS/rules.out"; then
    row "(none: baseline)" "portal_api: ${RULE_TESTS[*]}" "NO: fails unmutated"
  fi
  for rule in "${RULES[@]}"; do
    line="$(grep "^$rule|" "$LOGS/rules.out" || true)"
    if [[ -z "$line" ]]; then
      row "record rule $rule opened" "portal_api: ${RULE_TESTS[*]}" "NO: not run (see below)"
      tail -20 "$LOGS/rules.log" >&2
    elif [[ -n "${line#*|}" ]]; then
      row "record rule $rule opened" "portal_api: ${RULE_TESTS[*]}" "yes (${line#*|})"
    else
      row "record rule $rule opened" "portal_api: ${RULE_TESTS[*]}" "NO: tests pass"
    fi
  done
fi

# Each write method's ownership re-check in portal_api dropped in turn: the module's test of
# that write with another customer's ids must fail. The module is Python that the runtime
# imports from the tree that built it, so this part copies the tree once more with a .cache
# of its own (its runtime builds from the sources in seconds; each mutated module activates
# its test database again, about a minute).
MTREE="$SCRATCH/module-tree"
module_ready=""
# module_tests NAME TESTS: tryton/test.sh in the module tree, only the tests named in TESTS.
module_tests() {
  (cd "$MTREE" && TESTS="$2" timeout 900 bash tryton/test.sh) >"$LOGS/$1.log" 2>&1
}
# module_check NAME FILE OLD NEW TESTS: caught when those module tests fail.
module_check() {
  local name="$1" file="$2" old="$3" new="$4" tests="$5"
  selected "$name" || return 0
  if [[ -z "$module_ready" ]]; then
    rsync -a --exclude node_modules --exclude .cache --exclude .git "$ROOT/" "$MTREE/"
    module_ready=yes
  fi
  if ! module_tests "module-baseline-$tests" "$tests"; then
    row "(none: baseline)" "portal_api: $tests" "NO: fails unmutated"
    return 0
  fi
  cp "$MTREE/$file" "$SCRATCH/module-pristine"
  OLD="$old" NEW="$new" python3 - "$MTREE/$file" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
old, new = os.environ['OLD'], os.environ['NEW']
if text.count(old) != 1:
    sys.exit(f'mutation does not apply to {path}: {text.count(old)} occurrences of {old!r}')
open(path, 'w', encoding='utf-8').write(text.replace(old, new))
PY
  local verdict
  if module_tests "$name" "$tests"; then verdict="NO: tests pass"; else
    verdict="yes ($(grep -m1 -oE '^(FAIL|ERROR): test_[a-z_]+' "$LOGS/$name.log" || true))"
  fi
  cp "$SCRATCH/module-pristine" "$MTREE/$file"
  [[ "$verdict" == yes* ]] || tail -40 "$LOGS/$name.log" >&2
  row "$name" "portal_api: $tests" "$verdict"
}
PA=tryton/modules/portal_api
module_check "write: a sale found without its customer (quotations, re-order, complaints)" \
  "$PA/sale.py" "    sales = Sale.search([('id', '=', sale_id)] + seen_sale_domain(parties), limit=1)" \
  "    sales = Sale.search([('id', '=', sale_id)], limit=1)" \
  test_writes_refuse_other_customer,test_complaint_refuses_other_customer
module_check "write: a complaint on lines of another order" "$PA/complaint.py" \
  "    by_id = {l.id: l for l in sale.lines if l.type == 'line'}" \
  "    by_id = {l.id: l for l in Pool().get('sale.line').browse(line_ids)}" \
  test_complaint_refuses_other_customer
module_check "write: an address or contact found without its party" "$PA/party.py" \
  "            ('id', '=', record_id),
            ('party', 'in', parties)," "            ('id', '=', record_id)," \
  test_party_writes_refuse_other_customer
module_check "write: an invoice paid online without its customer" "$PA/online_payment.py" \
  "            ('type', '=', 'out'),
            ('party', 'in', parties)," "            ('type', '=', 'out')," \
  test_pay_invoice_refuses_other_customer
module_check "author: an online payment naming nobody who paid" "$PA/online_payment.py" \
  "            portal_paid_by=user," "            portal_paid_by=None," \
  test_pay_invoice
module_check "author: a role change naming nobody who changed it" "$PA/members.py" \
  "'portal_role_changed_by': user.id," "'portal_role_changed_by': None," \
  test_authors_of_role_change_and_removal
module_check "author: a removal naming nobody who removed" "$PA/members.py" \
  "'portal_removed_by': user.id," "'portal_removed_by': None," \
  test_authors_of_role_change_and_removal
module_check "author: a copy made in Tryton keeping its portal authors" "$PA/authors.py" \
  "            default.setdefault(name, None)" "            pass" \
  test_authors_of_sale_writes,test_authors_of_address_and_contact_writes,test_authors_of_role_change_and_removal

printf '\n| mutation | test run | caught? |\n| --- | --- | --- |\n'
for r in "${ROWS[@]}"; do
  IFS='|' read -r m t c <<<"$r"
  printf '| %s | %s | %s |\n' "$m" "$t" "$c"
done
exit "$FAILED"
