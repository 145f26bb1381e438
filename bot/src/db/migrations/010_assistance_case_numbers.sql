-- Assistance cases get a number people can say on the phone: BF-<year>-<4-digit sequence>, the
-- sequence per calendar year in Beijing time, kept in assistance_case_numbers (one row per year,
-- incremented under its row lock, so concurrent intakes never share a number).
CREATE TABLE assistance_case_numbers (
  year  integer PRIMARY KEY,
  last  integer NOT NULL
);

ALTER TABLE assistance_cases ADD COLUMN case_no text;
-- The chat card's submission id: submitting the same card twice finds the first case.
ALTER TABLE assistance_cases ADD COLUMN request_key text;
-- 未核验: an applicant without a kekao account (the guide lets any enterprise apply through its
-- district bureau); the officer in scope verifies the applicant before acting.
ALTER TABLE assistance_cases ADD COLUMN verification text NOT NULL DEFAULT 'verified' CHECK (verification IN ('verified', 'unverified'));
-- Who applied through a chat channel without an account: { channel, channelUserId, name }.
ALTER TABLE assistance_cases ADD COLUMN applicant jsonb;
ALTER TABLE assistance_cases ALTER COLUMN opened_by DROP NOT NULL;
ALTER TABLE assistance_cases ADD CONSTRAINT assistance_cases_opener CHECK (opened_by IS NOT NULL OR applicant IS NOT NULL);

-- Number the cases that already exist, in the order they were opened.
WITH numbered AS (
  SELECT id,
         extract(year FROM opened_at AT TIME ZONE 'Asia/Shanghai')::int AS y,
         row_number() OVER (PARTITION BY extract(year FROM opened_at AT TIME ZONE 'Asia/Shanghai') ORDER BY opened_at, id) AS n
  FROM assistance_cases
)
UPDATE assistance_cases c SET case_no = 'BF-' || numbered.y || '-' || lpad(numbered.n::text, 4, '0')
FROM numbered WHERE c.id = numbered.id;

INSERT INTO assistance_case_numbers (year, last)
SELECT extract(year FROM opened_at AT TIME ZONE 'Asia/Shanghai')::int, count(*)
FROM assistance_cases GROUP BY 1;

ALTER TABLE assistance_cases ALTER COLUMN case_no SET NOT NULL;
CREATE UNIQUE INDEX assistance_cases_case_no ON assistance_cases (case_no);
CREATE UNIQUE INDEX assistance_cases_request_key ON assistance_cases (request_key) WHERE request_key IS NOT NULL;
CREATE INDEX assistance_cases_org_open ON assistance_cases (enterprise_org_id) WHERE status = 'open';
