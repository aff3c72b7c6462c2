-- A user's stitched sessions (issue 14: GET /v1/recommendations/feedback?userId= and the GraphQL User's feedback read
-- the rows of the sessions identified as the user; the erasure's deletes by user read them too).
create index idx_viewer_session_user on viewer_session (user_id);
