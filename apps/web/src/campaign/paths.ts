// API paths of a campaign and its clusters (ids encoded once, here); the app's own routes mirror them.
const enc = encodeURIComponent;

export const campaignPath = (campaignId: string) => `/campaigns/${enc(campaignId)}`;

export const clusterPath = (campaignId: string, clusterId: string) => `${campaignPath(campaignId)}/clusters/${enc(clusterId)}`;

export const meetingPath = (campaignId: string, clusterId: string, number: number) => `${clusterPath(campaignId, clusterId)}/meetings/${number}`;

export const rtlPath = (campaignId: string, clusterId: string, schoolId: string) => `${clusterPath(campaignId, clusterId)}/schools/${enc(schoolId)}/rtl`;

/** Where a documented meeting's photo is downloaded (behind the bearer token). */
export const photoPath = (campaignId: string, clusterId: string, number: number, sha256: string) =>
  `${meetingPath(campaignId, clusterId, number)}/photos/${sha256}`;
