-- Conversation references for proactive messages are stored only from turns whose user the chat
-- channel vouched for (a validated Bot Framework token, or the explicit local-trial mode). Rows
-- written before this rule could come from anyone who claimed an identity, so they start out
-- unverified and are never used; each user's next verified turn stores a fresh one.
ALTER TABLE conversation_references ADD COLUMN verified boolean NOT NULL DEFAULT false;
