# A standalone dgrid node outside GitHub Actions: `dgrid worker` with git, running each task as a sibling
# container on the host's Docker daemon (mount its socket). Build from a clone, after `npm run build`:
#
#   docker build -t dgrid-worker .
#   docker run -d --init --restart unless-stopped -v /var/run/docker.sock:/var/run/docker.sock \
#     -e DGRID_TOKEN -p 127.0.0.1:9464:9464 dgrid-worker --repository https://github.com/OWNER/GRID --node-id n1
#
# Whoever holds the Docker socket is root on the host: the worker needs it to start task containers, and
# never passes it on (tasks run with no mounts, no network, no capabilities). Without a registry, give
# both images as build arguments: a base with node (and git, which is then not installed), and an image
# holding the static Docker client at /usr/local/bin/docker.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG DOCKER_CLI_IMAGE=docker:28-cli

FROM ${DOCKER_CLI_IMAGE} AS docker-cli

FROM ${NODE_IMAGE}
RUN mkdir -p /var/lib/dgrid && { command -v git >/dev/null || { apt-get update \
      && apt-get install -y --no-install-recommends git ca-certificates \
      && rm -rf /var/lib/apt/lists/*; }; }
COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker
COPY dist/cli/ /opt/dgrid/
ENV TMPDIR=/var/lib/dgrid
VOLUME /var/lib/dgrid
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/opt/dgrid/index.js", "worker", "--metrics-port", "9464", "--metrics-host", "0.0.0.0"]
