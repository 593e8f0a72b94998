#!/usr/bin/env bash
# Builds the local sandbox image the tests and the demo use when no image registry is reachable:
# a minimal Debian root filesystem with python3, imported into Docker. Idempotent.
set -euo pipefail
image="${1:-dgrid-sandbox:bookworm}"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "sandbox image $image already present"
  exit 0
fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=python3-minimal bookworm "$root" http://deb.debian.org/debian >/dev/null
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' - "$image" >/dev/null
echo "sandbox image $image built"
