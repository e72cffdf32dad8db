-- A pilot's REFORM_PILOT designation as this service holds it, and whether county-registry-service has
-- it yet (issue 11: registry writes go through the transactional outbox, api_outbox_message).
--   designation_from  the approval date: the designation's validFrom
--   designation_to    its end (exclusive): the programme's deadline + 1 day at approval, brought forward
--                     to the date of acceptance, rejection or withdrawal; NULL while open-ended
--   sync_state        PENDING (a registry write is on its way), SYNCED, FAILED (the registry refused it);
--                     NULL: nothing was ever sent for this pilot
ALTER TABLE pilot ADD COLUMN designation_from DATE;
ALTER TABLE pilot ADD COLUMN designation_to DATE;
ALTER TABLE pilot ADD COLUMN sync_state TEXT CHECK (sync_state IN ('PENDING', 'SYNCED', 'FAILED'));
ALTER TABLE pilot ADD COLUMN sync_detail TEXT;
ALTER TABLE pilot ADD COLUMN sync_registry_status INTEGER;
ALTER TABLE pilot ADD CONSTRAINT pilot_designation_dates CHECK (designation_to IS NULL OR designation_from IS NOT NULL);

-- pilots approved by this service before: their designation was written inside the approval
UPDATE pilot p SET designation_from = (SELECT max(t.transition_date) FROM pilot_transition t
                                        WHERE t.pilot_id = p.id AND t.to_status = 'APPROVED'),
                   sync_state = CASE WHEN p.designation_id IS NULL THEN NULL ELSE 'SYNCED' END
 WHERE p.status NOT IN ('NOMINATED') AND p.id > 9
   AND EXISTS (SELECT 1 FROM pilot_transition t WHERE t.pilot_id = p.id AND t.to_status = 'APPROVED');
UPDATE pilot p SET designation_to = (SELECT max(t.transition_date) FROM pilot_transition t
                                      WHERE t.pilot_id = p.id AND t.to_status IN ('WITHDRAWN', 'REJECTED'))
 WHERE p.designation_from IS NOT NULL AND p.status IN ('WITHDRAWN', 'REJECTED');

-- the nine pilots of 2020, seeded on both sides: from the announcement to the programme's deadline
-- (2025-12-31, so the end is 2026-01-01); the registry's seed has them open-ended, and the
-- reconciliation records that end there
UPDATE pilot SET designation_from = DATE '2020-07-03', designation_to = DATE '2026-01-01' WHERE id <= 9 AND program_id = 1;
