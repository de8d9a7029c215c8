-- Temporal keeps its own databases beside Mutu's.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
