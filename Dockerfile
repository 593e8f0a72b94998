# A standalone dgrid node outside GitHub Actions: `dgrid worker` with git, running each task as a sibling
# container on the host's Docker daemon (mount its socket). Build from a clone, after `npm run build`:
#
#   docker build -t dgrid-worker .
#   docker run -d --init --restart unless-stopped -v /var/run/docker.sock:/var/run/docker.sock \
#     --group-add "$(stat -c %g /var/run/docker.sock)" \
#     -e DGRID_TOKEN -p 127.0.0.1:9464:9464 dgrid-worker --repository https://github.com/OWNER/GRID --node-id n1
#
# Whoever holds the Docker socket is root on the host: the worker needs it to start task containers, and
# never passes it on (tasks run with no mounts, no network, no capabilities). The node itself runs as the
# user dgrid (uid 10001), in the socket's group (--group-add): a flaw in it does not start as root in its
# container.
#
# The base images are pinned by digest, so a build is the same build until someone moves the pin. Dependabot
# proposes new digests (it reads only literal FROM lines, not ARG defaults, hence no build arguments here);
# by hand: docker buildx imagetools inspect node:24-bookworm-slim (and docker:28-cli), and copy its "Digest:".
# Without a registry, build from a copy whose FROM lines name local images: a base with node (and git, which
# is then not installed), and one holding the static Docker client at /usr/local/bin/docker, as
# test/standalone-node.test.ts does.
FROM docker:28-cli@sha256:625d9431a9f54c5a2bc90f24f0e1c3d55b1349fd857dd85035f98c2c9acbdd4d AS docker-cli

FROM node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d
# safe.directory: the local grid of compose.yaml, which a bind mount may give to another user (git refuses
# a repository owned by someone else).
RUN { command -v git >/dev/null || { apt-get update \
      && apt-get install -y --no-install-recommends git ca-certificates \
      && rm -rf /var/lib/apt/lists/*; }; } \
    && groupadd --system --gid 10001 dgrid \
    && useradd --system --uid 10001 --gid dgrid --home-dir /var/lib/dgrid --no-create-home dgrid \
    && mkdir -p /var/lib/dgrid /grid && chown dgrid:dgrid /var/lib/dgrid /grid \
    && git config --system safe.directory /grid/grid.git
COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker
COPY dist/cli/ /opt/dgrid/
ENV TMPDIR=/var/lib/dgrid HOME=/var/lib/dgrid
USER dgrid
VOLUME /var/lib/dgrid
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/opt/dgrid/index.js", "worker", "--metrics-port", "9464", "--metrics-host", "0.0.0.0"]
