-- Meetings, invitations and attendance (Art. 5.5, 7).
-- Applied after sql/grants.sql at every start (same @…@ placeholders).
-- No DELETE on meeting or meeting_file: a meeting is cancelled, a file is
-- marked deleted; the records stay.

-- egov-review: the working group keeps the meetings.  DELETE on
-- meeting_agenda (an item is removed) and on invitation (an invitee who has
-- not answered is taken off the list; the program refuses otherwise).
GRANT SELECT, INSERT, UPDATE ON egov.meeting TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.meeting_agenda TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE (deleted) ON egov.meeting_file TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, DELETE ON egov.invitation TO 'egov_review'@'localhost';
GRANT UPDATE (attended, recorded_by, recorded_at, version) ON egov.invitation TO 'egov_review'@'localhost';
GRANT SELECT (position) ON egov.app_user TO 'egov_review'@'localhost';

-- egov-report: a member answers their own invitation and a chair decides on
-- leave; they read the meeting, its agenda and papers, and add opinion files.
GRANT SELECT ON egov.meeting TO 'egov_report'@'localhost';
GRANT SELECT ON egov.meeting_agenda TO 'egov_report'@'localhost';
GRANT SELECT, INSERT ON egov.meeting_file TO 'egov_report'@'localhost';
GRANT SELECT ON egov.invitation TO 'egov_report'@'localhost';
GRANT UPDATE (answer, answered_at, leave_reason, leave_decision, decided_by, decided_at,
  decision_note, delegate_name, delegate_position, opinion_text, version)
  ON egov.invitation TO 'egov_report'@'localhost';
GRANT SELECT (position, email) ON egov.app_user TO 'egov_report'@'localhost';

-- egov-dashboard: read only.
GRANT SELECT ON egov.meeting TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.meeting_agenda TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.meeting_file TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.invitation TO 'egov_dashboard'@'localhost';
GRANT SELECT (position) ON egov.app_user TO 'egov_dashboard'@'localhost';

FLUSH PRIVILEGES;
