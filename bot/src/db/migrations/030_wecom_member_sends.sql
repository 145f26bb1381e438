-- Active messages sent to each WeCom member in the last minute, shared by every service process on
-- a PostgreSQL database (on PGlite the one process counts in memory): WeCom drops what one
-- application sends one member beyond 30 a minute, and with several processes behind a load
-- balancer only a count in the database sees all of them. A sender takes a row under a per-member
-- advisory lock when fewer than 30 rows of the member are younger than a minute, and moves its
-- time to when WeCom answered (the message had arrived by then). Rows older than a minute no longer
-- count: each take deletes its member's, an hourly prune the rest. They hold no message content and
-- are delivery bookkeeping, not programme data, so they are not copied to audit_log. Times are
-- epoch milliseconds of the sending process's clock.
CREATE TABLE wecom_member_sends (
  send_id     uuid PRIMARY KEY,
  member_key  text NOT NULL,        -- application and member: CorpID/AgentId/UserID
  sent_at_ms  bigint NOT NULL
);
CREATE INDEX wecom_member_sends_member ON wecom_member_sends (member_key, sent_at_ms);
CREATE INDEX wecom_member_sends_sent_at ON wecom_member_sends (sent_at_ms);
