# One image for every role of compose.yaml: webhook instance, worker, one-off CLI commands.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY schedules schedules
COPY storage storage
RUN pip install --no-cache-dir .
# Telegram's updates (webhook instances only; the proxy in front terminates TLS).
EXPOSE 8081
STOPSIGNAL SIGTERM
ENTRYPOINT ["contest-bot"]
