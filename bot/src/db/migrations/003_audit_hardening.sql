-- The audit log must hold even against the service's own database role. On PostgreSQL the service
-- can connect as a least-privilege runtime role (bot/README.md, "Security model"): it owns nothing,
-- so it cannot ALTER, DROP or DISABLE TRIGGER, and it has no right on audit_log at all, so it cannot
-- write, change or forge audit rows. The audit trigger function therefore runs with its owner's
-- rights (SECURITY DEFINER), with search_path pinned to this schema and pg_temp last, so a temporary
-- table named audit_log cannot capture the rows.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION kekao_audit_row() SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON audit_log FROM PUBLIC;

-- TRUNCATE fires no row triggers, so it would empty an audited table without a trace: refused, for
-- every role (delete rows instead; each deletion is recorded).
CREATE FUNCTION kekao_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is audited: TRUNCATE refused (delete rows instead; each deletion is recorded)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON campaigns FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON user_identities FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON submissions FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON status_history FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON reviewer_assignments FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON assistance_cases FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON assistance_items FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON assistance_records FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON conversation_references FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON bot_state FOR EACH STATEMENT EXECUTE FUNCTION kekao_refuse_truncate();
