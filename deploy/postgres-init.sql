-- Temporal keeps its own databases beside Mutu's.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;

-- Mutu's migrations grant the application's privileges (INSERT and SELECT on events, the read
-- models writable) to this group role; the login role the API and workers use (DATABASE_URL) is
-- made a member of it. Made here because the owner role that runs migrations may not create roles.
CREATE ROLE mutu_application NOLOGIN;
