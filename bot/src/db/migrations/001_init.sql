-- kekao service schema, version 1. One dialect for PGlite and PostgreSQL 15 (no extensions).
-- Ids are UUIDs from gen_random_uuid() (core since PostgreSQL 13).

CREATE TABLE campaigns (
  id          text PRIMARY KEY,
  year        integer NOT NULL,
  title       text NOT NULL,
  -- Last day of the recommendation phase (notice 2025 §四(三)), a calendar date in China time.
  deadline    date NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('enterprise', 'bureau', 'institution')),
  name        text NOT NULL,
  -- 统一社会信用代码 (GB 32100); unique when present.
  uscc        text UNIQUE,
  province    text,
  city        text,
  district    text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_without_uscc ON organisations (kind, name) WHERE uscc IS NULL;

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL,
  role            text NOT NULL CHECK (role IN ('enterprise', 'officer', 'reviewer', 'secretariat')),
  scope_level     text NOT NULL CHECK (scope_level IN ('organisation', 'district', 'city', 'province', 'all', 'assigned')),
  scope_province  text,
  scope_city      text,
  scope_district  text,
  organisation_id uuid REFERENCES organisations (id),
  -- SHA-256 (hex) of the bearer token; the token itself is never stored.
  token_hash      text NOT NULL UNIQUE,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'enterprise' OR (scope_level = 'organisation' AND organisation_id IS NOT NULL)),
  CHECK (role <> 'officer' OR scope_level IN ('district', 'city', 'province')),
  CHECK (role <> 'reviewer' OR scope_level = 'assigned'),
  CHECK (role <> 'secretariat' OR scope_level IN ('all', 'province'))
);

-- Chat identities (e.g. Teams AAD object id) mapped to users: the bot takes roles from here, never from text.
CREATE TABLE user_identities (
  channel     text NOT NULL,
  external_id text NOT NULL,
  user_id     uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, external_id)
);

CREATE TABLE submissions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id         text NOT NULL REFERENCES campaigns (id),
  kind                text NOT NULL CHECK (kind IN ('reliability-2024', 'fmea-case-2025', 'db31-1368-2022')),
  enterprise_org_id   uuid NOT NULL REFERENCES organisations (id),
  -- Place of the enterprise, copied at creation: the scope checks read these columns.
  province            text,
  city                text,
  district            text,
  -- Comparison keys of city and district (suffix 市/区/县 dropped, bot/src/auth/places.ts).
  city_key            text,
  district_key        text,
  subject_name        text NOT NULL,
  recommending_unit   text,
  evidence            jsonb NOT NULL,
  assessment          jsonb NOT NULL,
  total               double precision NOT NULL,
  source              text NOT NULL CHECK (source IN ('json', 'xlsx')),
  file_name           text,
  read_warnings       jsonb NOT NULL DEFAULT '[]'::jsonb,
  status              text NOT NULL CHECK (status IN ('草稿', '已提交', '区县初审', '省级审核', '专家评审', '拟评定', '公示', '认定', '退回', '撤回')),
  version             integer NOT NULL DEFAULT 1,
  created_by          uuid NOT NULL REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_campaign_place ON submissions (campaign_id, province, city_key, district_key);
CREATE INDEX submissions_enterprise ON submissions (enterprise_org_id);

CREATE TABLE status_history (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id    uuid NOT NULL REFERENCES submissions (id),
  from_status      text,
  to_status        text NOT NULL,
  actor_id         uuid NOT NULL REFERENCES users (id),
  at               timestamptz NOT NULL DEFAULT clock_timestamp(),
  note             text,
  override_reason  text
);
CREATE INDEX status_history_submission ON status_history (submission_id, id);

CREATE TABLE reviewer_assignments (
  submission_id  uuid NOT NULL REFERENCES submissions (id),
  reviewer_id    uuid NOT NULL REFERENCES users (id),
  assigned_by    uuid NOT NULL REFERENCES users (id),
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, reviewer_id)
);
CREATE INDEX reviewer_assignments_reviewer ON reviewer_assignments (reviewer_id);

CREATE TABLE reviews (
  submission_id  uuid NOT NULL REFERENCES submissions (id),
  reviewer_id    uuid NOT NULL REFERENCES users (id),
  indicator      text NOT NULL,
  raw            double precision NOT NULL,
  reason         text,
  fraud          boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, reviewer_id, indicator),
  FOREIGN KEY (submission_id, reviewer_id) REFERENCES reviewer_assignments (submission_id, reviewer_id)
);

CREATE TABLE assistance_cases (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_org_id  uuid REFERENCES organisations (id),
  enterprise_name    text NOT NULL,
  province           text,
  city               text,
  district           text,
  city_key           text,
  district_key       text,
  trigger            text NOT NULL,
  -- Annex A.1 intake fields as validated by core's assistanceTriageInputSchema.
  intake             jsonb NOT NULL,
  -- Triage decision of guide §7.2 with its reason (core's triageAssistance).
  triage             jsonb NOT NULL,
  -- Counts, dates and scores behind the table D.2 KPIs (core assistanceKpiInputSchema).
  kpi_input          jsonb NOT NULL DEFAULT '{}'::jsonb,
  status             text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_by          uuid NOT NULL REFERENCES users (id),
  opened_at          timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  closing_note       text,
  version            integer NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistance_cases_place ON assistance_cases (province, city_key, district_key);

-- 帮扶清单 items (guide table D.1) with quantitative targets (table D.2).
CREATE TABLE assistance_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES assistance_cases (id),
  position    integer NOT NULL,
  item        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistance_items_case ON assistance_items (case_id, position);

-- 帮扶工作记录 (guide table E.1).
CREATE TABLE assistance_records (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES assistance_cases (id),
  record      jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistance_records_case ON assistance_records (case_id, created_at);

-- Bot Framework conversation references for proactive messages.
CREATE TABLE conversation_references (
  key         text PRIMARY KEY,
  user_id     uuid REFERENCES users (id),
  reference   jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Bot turn state (botbuilder Storage): key/value JSON with an etag for optimistic concurrency.
CREATE TABLE bot_state (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  etag        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The append-only audit log: every change to the tables above, written by triggers in the same
-- transaction as the change, so nothing is changed without a record.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor       text,
  request_id  text,
  table_name  text NOT NULL,
  operation   text NOT NULL,
  row_key     text,
  old_row     jsonb,
  new_row     jsonb
);

CREATE FUNCTION kekao_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kekao_audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kekao_audit_log_is_append_only();

-- Large documents (evidence, assessment, bot state) and secrets are left out of the audit copy;
-- their table row keeps them and the audit row records who changed what and when.
CREATE FUNCTION kekao_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  omitted text[] := ARRAY['evidence', 'assessment', 'token_hash', 'value', 'reference', 'read_warnings', 'intake'];
  old_doc jsonb;
  new_doc jsonb;
  row_doc jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_doc := to_jsonb(OLD) - omitted; END IF;
  IF TG_OP <> 'DELETE' THEN new_doc := to_jsonb(NEW) - omitted; END IF;
  row_doc := coalesce(new_doc, old_doc);
  INSERT INTO audit_log (actor, request_id, table_name, operation, row_key, old_row, new_row)
  VALUES (
    nullif(current_setting('kekao.actor', true), ''),
    nullif(current_setting('kekao.request_id', true), ''),
    TG_TABLE_NAME,
    TG_OP,
    coalesce(row_doc ->> 'id', row_doc ->> 'key',
             concat_ws('/', row_doc ->> 'submission_id', row_doc ->> 'reviewer_id', row_doc ->> 'indicator')),
    old_doc,
    new_doc
  );
  RETURN NULL;
END
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON campaigns FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_identities FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON submissions FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON status_history FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reviewer_assignments FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assistance_cases FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assistance_items FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON assistance_records FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON conversation_references FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bot_state FOR EACH ROW EXECUTE FUNCTION kekao_audit_row();
