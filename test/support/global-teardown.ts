interface Provisioned {
  stops: (() => Promise<void>)[];
}

export default async function globalTeardown(): Promise<void> {
  const provisioned = (globalThis as { __MUTU__?: Provisioned }).__MUTU__;
  if (!provisioned) return;
  for (const stop of provisioned.stops.reverse()) await stop().catch(() => undefined);
}
