// The seed's mentoring campaign (15 core schools × 3 impact schools, 4 meetings, 1 Sep – 30 Nov)
// of a given year, with ids made unique per run so suites can share one database.
import { DEFAULT_MATERIALS, type CampaignSetup } from '../campaign/campaign.schemas';

export const CAMPAIGN_YEAR = 2027;
const dayMs = 86_400_000;
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

export interface CampaignPeople {
  organiser: string;
  district: string;
  trainer: (cluster: number) => string;
  supervisor: (cluster: number) => string;
  agencyStaff: (cluster: number) => string;
  principal: (schoolId: string) => string;
}

/** Meeting k of cluster i: the first Monday of September + (i mod 5) days, then every two weeks. */
export function plannedDate(cluster: number, meeting: number, year = CAMPAIGN_YEAR): string {
  const sep1 = `${year}-09-01`;
  const firstMonday = addDays(sep1, (8 - new Date(`${sep1}T00:00:00Z`).getUTCDay()) % 7);
  return addDays(firstMonday, (cluster % 5) + (meeting - 1) * 14);
}

export function seedCampaignSetup(prefix: string, regionId: string, people: CampaignPeople, clusters = 15, impact = 3, year = CAMPAIGN_YEAR): CampaignSetup {
  return {
    campaignId: `${prefix}-cmp`,
    title: 'Pendampingan Pengembangan Budaya Mutu Sekolah Dasar',
    regionId,
    organiser: 'LPMP DKI Jakarta',
    organiserIds: [people.organiser],
    timeZone: 'Asia/Jakarta',
    period: { start: `${year}-09-01`, end: `${year}-11-30` },
    materials: DEFAULT_MATERIALS.map((m) => ({ ...m })),
    clusters: Array.from({ length: clusters }, (_, i) => {
      const code = `K${String(i + 1).padStart(2, '0')}`;
      const schools = Array.from({ length: impact + 1 }, (_, p) => ({
        schoolId: `${prefix}-${code}-s${p}`,
        name: p === 0 ? `SD Negeri Inti ${code}` : `SD Negeri Imbas ${code}-${p}`,
        regionId,
        position: p,
      }));
      return {
        clusterId: code,
        name: `Klaster ${code}`,
        schools,
        team: [
          { userId: people.trainer(i), name: `Widyaiswara ${code}`, role: 'trainer' as const },
          { userId: people.agencyStaff(i), name: `Staf FPMP ${code}`, role: 'agency_staff' as const },
          { userId: people.supervisor(i), name: `Pengawas ${code}`, role: 'supervisor' as const },
          { userId: people.principal(schools[0].schoolId), name: `Kepala ${schools[0].name}`, role: 'principal' as const },
        ],
        meetings: schools.map((_, p) => ({ number: p + 1, date: plannedDate(i, p + 1, year) })),
      };
    }),
  };
}
