#!/usr/bin/env bash
# Prints the directory of a Node.js 24 `bin/` to put first on PATH, installing Node 24 from the npm
# registry (the `node-linux-<arch>` package carries the official binary) when the machine's Node is
# older. Used by .ci/run; users can run it too:  export PATH="$(bash infra/node/ensure.sh):$PATH"
set -euo pipefail
VERSION="${LEADERSCOPE_NODE_VERSION:-24.22.3}"
MAJOR="${VERSION%%.*}"

if command -v node >/dev/null 2>&1; then
  have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$have" -ge "$MAJOR" ]; then dirname "$(command -v node)"; exit 0; fi
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "infra/node: no Node $MAJOR package for $(uname -m); install Node $MAJOR yourself" >&2; exit 1 ;;
esac
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
dir="${LEADERSCOPE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/leaderscope}/node-$VERSION-$os-$arch"
if [ ! -x "$dir/bin/node" ]; then
  command -v npm >/dev/null || { echo "infra/node: npm is needed to fetch Node $VERSION" >&2; exit 1; }
  tmp="$(mktemp -d)"
  echo "infra/node: installing Node $VERSION from the npm registry (node-$os-$arch)" >&2
  (cd "$tmp" && npm pack --silent "node-$os-$arch@$VERSION" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir" && mv "$tmp/package" "$dir" && rm -rf "$tmp"
fi
"$dir/bin/node" --version >/dev/null
echo "$dir/bin"
