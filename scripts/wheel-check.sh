#!/usr/bin/env bash
# Install bizenv as an office would, without the checkout: build the wheel, install it into a
# fresh virtual environment in a temporary folder, `bizenv init` a data folder there, and run
# validate and check inside it. Used by `make test` (and so by CI).
set -euo pipefail
python=${1:-python3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# built from a copy of what the sdist holds, so no build/ is left in the checkout
mkdir "$work/src"
cp -r "$repo"/{pyproject.toml,setup.py,MANIFEST.in,README.md,LICENSE,src,measures} "$work/src"
mkdir "$work/src/examples" && cp -r "$repo"/examples/{2021-Q2,waivers.yaml} "$work/src/examples"
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work"/dist/*.whl
cd "$work"
"$work/venv/bin/bizenv" init 数据
cd 数据
"$work/venv/bin/bizenv" validate --strict
"$work/venv/bin/bizenv" config
status=0
"$work/venv/bin/bizenv" check returns/2021-Q2 --as-of 2021-06-30 --format json > check.json || status=$?
test "$status" -eq 1  # the example quarter has failures, as it means to
"$work/venv/bin/python" - <<'PY'
import json
result = json.load(open("check.json", encoding="utf-8"))
assert sum(result["summary"].values()) == 101, result["summary"]
assert result["summary"]["waived"] == 1, "bizenv.toml's waivers were not used"
print("wheel check: installed, init, validate and check ran outside the checkout")
PY
