#!/usr/bin/env bash
# Builds (once, cached) and locates the Tryton runtime of one series, without writing into the
# system's Python. Usage:
#   tryton/runtime.sh python     # prints the interpreter that imports that series' trytond
#   tryton/runtime.sh bin-dir    # prints a folder with trytond, trytond-admin, trytond-console…
#   tryton/runtime.sh version    # prints trytond's full version
# TRYTON_SERIES picks the series: 7.6 (default, production), 8.0 or 7.0 (the LTS series).
#
# Sources, first found wins:
#   1. TRYTON_SOURCES: a folder laid out like ../shared/tryton/<series> (trytond/, modules/, deps/)
#   2. ../shared/tryton/<series> beside this repository (7.6 and 8.0)
#   3. 7.0 only: Debian 13's architecture-independent packages, downloaded with a private apt
#      configuration (the system's apt state is not touched) and unpacked
#   4. the Python package index: `pip install trytond==<series>.*` and the modules into the
#      venv (the ordinary route where the index is reachable)
# The runtime is a venv without system site packages (Debian's own trytond must not be
# visible), plus a folder of links to Debian's dist-packages that leaves out trytond, proteus,
# stripe and (7.6, 8.0) python-sql, so the sources' own versions win. portal_api is linked
# into the modules folder of a private copy of trytond.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERIES="${TRYTON_SERIES:-7.6}"
case "$SERIES" in 7.0 | 7.6 | 8.0) ;; *) echo "runtime: unsupported TRYTON_SERIES $SERIES" >&2; exit 2 ;; esac
SYSTEM_PYTHON=/usr/bin/python3
# Debian packages every series imports (the 7.0 packages add python3-passlib).
DEBIAN_DEPS=(python3-venv python3-lxml python3-relatorio python3-genshi python3-dateutil
  python3-polib python3-defusedxml python3-simpleeval python3-werkzeug python3-magic
  python3-argon2 python3-stdnum python3-bcrypt python3-psycopg2 python3-psycopg
  python3-typing-extensions python3-requests python3-passlib python3-phonenumbers
  python3-elasticsearch python3-sql)
# The modules a 7.0 runtime downloads (the portal's and their dependencies).
DEBIAN_70_MODULES=(party company currency country account account-invoice account-invoice-stock
  account-product product sale stock web-user account-fr party-siret sale-invoice-grouping
  account-payment sale-complaint bank)
# Modules installed from the package index (route 4).
PIP_MODULES=(party company currency country account account_invoice account_invoice_stock
  account_product product sale stock web_user account_fr party_siret sale_invoice_grouping
  account_payment sale_complaint bank)

sources_dir() {
  if [[ -n "${TRYTON_SOURCES:-}" ]]; then echo "$TRYTON_SOURCES"; return; fi
  local shared="$ROOT/../shared/tryton/$SERIES"
  if [[ -d "$shared/trytond" ]]; then (cd "$shared" && pwd); return; fi
  echo ""
}

SOURCES="$(sources_dir)"
# The cache key: the series, where it comes from and this script (a changed recipe rebuilds).
KEY="$(printf '%s\n%s\n' "$SERIES" "$SOURCES" | cat - "${BASH_SOURCE[0]}" | sha256sum | cut -c1-12)"
RT="$ROOT/.cache/tryton-runtime/$SERIES-$KEY"

need_debian_packages() {
  local missing=() pkg
  for pkg in "${DEBIAN_DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "runtime: installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Links to Debian's dist-packages, leaving out what the sources bring themselves.
link_system_packages() {
  local target="$1" entry name
  mkdir -p "$target"
  for entry in /usr/lib/python3/dist-packages/*; do
    name="$(basename "$entry")"
    case "$name" in
      trytond* | tryton_* | proteus* | stripe*) continue ;;
      sql | python_sql*) [[ "$SERIES" == 7.0 ]] || continue ;;
    esac
    ln -s "$entry" "$target/$name"
  done
}

# trytond's commands, run by the venv's interpreter; each script puts ../trytond first on
# sys.path, so they sit in lib/bin beside the private copy lib/trytond.
install_commands() {
  local from="$1" work="$2" cmd
  mkdir -p "$work/lib/bin" "$work/bin"
  for cmd in trytond trytond-admin trytond-console trytond-cron trytond-worker; do
    [[ -f "$from/$cmd" ]] || continue
    { echo "#!$RT/venv/bin/python"; tail -n +2 "$from/$cmd"; } >"$work/lib/bin/$cmd"
    chmod +x "$work/lib/bin/$cmd"
    ln -s "../lib/bin/$cmd" "$work/bin/$cmd"
  done
}

fetch_debian_70() {
  local dest="$1"
  local apt="$dest/apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$dest/debs"
  : >"$apt/status"
  local mirror
  mirror="$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | head -1 | tr -d ' ' || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror%/} trixie main" >"$apt/sources.list"
  local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::State::status=$apt/status"
    -o "Debug::NoLocking=1")
  apt-get "${opts[@]}" update -qq >&2
  local pkgs=(tryton-server) m
  for m in "${DEBIAN_70_MODULES[@]}"; do pkgs+=("tryton-modules-$m"); done
  (cd "$dest/debs" && apt-get "${opts[@]}" download "${pkgs[@]}" >&2)
  for m in "$dest"/debs/*.deb; do dpkg-deb -x "$m" "$dest/root"; done
}

build() {
  local work="$RT.wip.$$"
  rm -rf "$work"
  mkdir -p "$work/lib"
  $SYSTEM_PYTHON -m venv --without-pip "$work/venv"
  local site
  local pth=("$RT/lib")
  if [[ -n "$SOURCES" ]]; then
    cp -r "$SOURCES/trytond/trytond" "$work/lib/trytond"
    local module
    for module in "$SOURCES"/modules/*/; do
      ln -sfn "${module%/}" "$work/lib/trytond/modules/$(basename "$module")"
    done
    local dep
    for dep in python-sql pwdlib stripe-python psycopg-pool; do
      [[ -d "$SOURCES/deps/$dep" ]] && pth+=("$SOURCES/deps/$dep")
    done
    # account_payment_stripe imports `stripe`, a pure-Python library whose API is the same
    # for every series: the sources of a series without their own copy (8.0) use 7.6's,
    # never Debian's older python3-stripe (left out of the links below).
    local stripe_python="$ROOT/../shared/tryton/7.6/deps/stripe-python"
    if [[ ! -d "$SOURCES/deps/stripe-python" && -d "$stripe_python" ]]; then
      pth+=("$(cd "$stripe_python" && pwd)")
    fi
    install_commands "$SOURCES/trytond/bin" "$work"
    link_system_packages "$work/system"
    pth+=("$RT/system")
  elif [[ "$SERIES" == 7.0 ]]; then
    fetch_debian_70 "$work/debian"
    cp -r "$work/debian/root/usr/lib/python3/dist-packages/trytond" "$work/lib/trytond"
    install_commands "$work/debian/root/usr/bin" "$work"
    link_system_packages "$work/system"
    pth+=("$RT/system")
    rm -rf "$work/debian/debs" "$work/debian/apt"
  else
    # Where the package index is reachable: a venv with pip and the same series from it.
    rm -rf "$work/venv"
    $SYSTEM_PYTHON -m venv "$work/venv"
    local next="${SERIES%.*}.$((${SERIES#*.} + 1))" reqs=("trytond>=$SERIES,<$next") m
    for m in "${PIP_MODULES[@]}"; do reqs+=("trytond_$m>=$SERIES,<$next"); done
    "$work/venv/bin/pip" install -q "${reqs[@]}" psycopg2-binary >&2
    local venv_trytond
    venv_trytond="$("$work/venv/bin/python" -c 'import trytond, os; print(os.path.dirname(trytond.__file__))')"
    ln -s "$venv_trytond" "$work/lib/trytond"
    install_commands "$work/venv/bin" "$work"
  fi
  ln -sfn "$ROOT/tryton/modules/portal_api" "$work/lib/trytond/modules/portal_api"
  local site
  site="$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  printf '%s\n' "${pth[@]}" >"$site/portal-tryton.pth"
  rm -rf "$RT"
  mv "$work" "$RT"
  # Runtimes of an older recipe for this series are never used again.
  find "$ROOT/.cache/tryton-runtime" -maxdepth 1 -name "$SERIES-*" ! -path "$RT" -exec rm -rf {} +
  # The venv's own scripts name their folder: check the interpreter works where it now is.
  "$RT/venv/bin/python" -c 'import trytond, sql, lxml' >&2
  "$RT/venv/bin/python" -c 'import trytond; print(trytond.__version__)' >"$RT/VERSION"
}

ensure() {
  [[ -f "$RT/VERSION" ]] && return 0
  need_debian_packages
  mkdir -p "$ROOT/.cache/tryton-runtime"
  exec 9>"$ROOT/.cache/tryton-runtime/.lock"
  flock 9
  if [[ ! -f "$RT/VERSION" ]]; then
    echo "runtime: building Tryton $SERIES in ${RT#"$ROOT"/}" >&2
    build
  fi
  flock -u 9
}

ensure
case "${1:-python}" in
  python) echo "$RT/venv/bin/python" ;;
  bin-dir) echo "$RT/bin" ;;
  version) cat "$RT/VERSION" ;;
  *) echo "usage: tryton/runtime.sh [python|bin-dir|version]" >&2; exit 2 ;;
esac
