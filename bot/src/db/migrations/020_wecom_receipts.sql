-- Receipts of WeCom callback deliveries. WeCom retries a callback it got no answer to (same MsgId,
-- or for events the same sender and CreateTime) and several service processes may receive the
-- retries: the first INSERT of a key wins (INSERT … ON CONFLICT DO NOTHING), every later one is
-- answered without processing. Rows hold no message content and are pruned after a day; they are
-- delivery bookkeeping, not programme data, so they are not copied to audit_log.
CREATE TABLE wecom_receipts (
  dedupe_key   text PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wecom_receipts_received_at ON wecom_receipts (received_at);
