#!/usr/bin/env bash
# Builds, without an image registry, the two images the Dockerfile starts from, for the smoke test of the
# standalone node: a Debian root filesystem with git and this machine's node binary, and an image holding
# this machine's Docker client. Idempotent. Usage: worker-base-images.sh NODE_IMAGE DOCKER_CLI_IMAGE
set -euo pipefail
node_image="${1:-dgrid-node-base:bookworm}"
cli_image="${2:-dgrid-docker-cli:local}"
if ! docker image inspect "$node_image" >/dev/null 2>&1; then
  root="$(mktemp -d)"
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase --include=git,ca-certificates bookworm "$root" http://deb.debian.org/debian >/dev/null
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  install -m 0755 "$(command -v node)" "$root/usr/local/bin/node"
  tar -C "$root" -c . | docker import -c 'CMD ["node"]' - "$node_image" >/dev/null
  echo "node base image $node_image built ($(node --version))"
fi
if ! docker image inspect "$cli_image" >/dev/null 2>&1; then
  dir="$(mktemp -d)"
  install -D -m 0755 "$(command -v docker)" "$dir/usr/local/bin/docker"
  tar -C "$dir" -c . | docker import - "$cli_image" >/dev/null
  rm -rf "$dir"
  echo "Docker client image $cli_image built"
fi
