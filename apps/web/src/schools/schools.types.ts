// GET /schools/supervisors, as the Schools screen reads it.
export interface RegionSupervisor {
  userId: string;
  name: string;
  email: string;
}

export interface SchoolRow {
  schoolId: string;
  name: string;
  npsn: string | null;
  supervisors: { userId: string; name: string | null; active: boolean }[];
  fallbackToRegion: boolean;
}

export interface RegionSchools {
  regionId: string;
  name: string;
  supervisors: RegionSupervisor[];
  schools: SchoolRow[];
}
