-- Sensitivity jobs that survive their instance (issue 13). A job is owned by the instance that
-- claimed it and holds a lease that its heartbeat renews; every change of state is conditional on
-- the state it leaves (UPDATE ... WHERE status = 'RUNNING' AND owner = me) and bumps the version,
-- so a cancel always wins and two instances never run one job. A job whose owner stopped renewing
-- its lease is taken over (attempts < the configured maximum) or FAILED by whichever instance finds
-- it first (FOR UPDATE SKIP LOCKED).
ALTER TABLE sensitivity_job ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sensitivity_job ADD COLUMN owner TEXT;
ALTER TABLE sensitivity_job ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE sensitivity_job ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sensitivity_job ADD COLUMN started_at TIMESTAMPTZ;
-- a job left RUNNING by the code before this migration has no owner: it is failed here, honestly
UPDATE sensitivity_job SET status = 'FAILED', error = 'interrupted by an upgrade of the service (no lease was kept then); start it again',
    finished_at = now() WHERE status = 'RUNNING';
ALTER TABLE sensitivity_job ADD CONSTRAINT sensitivity_job_running_has_owner
    CHECK (status <> 'RUNNING' OR (owner IS NOT NULL AND lease_until IS NOT NULL));
CREATE INDEX sensitivity_job_open ON sensitivity_job (lease_until) WHERE status IN ('QUEUED', 'RUNNING');
