// National holidays and collective leave (cuti bersama) as decreed each year by the joint decree
// (Surat Keputusan Bersama, "SKB 3 Menteri") of the Minister of Religious Affairs, the Minister of
// Manpower and the Minister of Administrative and Bureaucratic Reform. Collective leave is not in
// the `date-holidays` package, and the package's lunar dates can differ from the decree by a day
// (Idulfitri 2026: package 20–21 March, decree 21–22 March), so the decree is kept here as data.
//
// Only years whose decree has been published are listed: a year that is missing is refused by the
// seed, never guessed. Add a year when its SKB is signed (usually September–October of the year
// before), with its numbers, and nothing else. A later amending decree is a new entry in `amendedBy`.

export interface DecreedDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface NationalDaysOffDecree {
  year: number;
  /** The decree's numbers, in the order of the three ministers, and the day it was signed. */
  decree: string;
  signedOn: string;
  holidays: DecreedDay[];
  collectiveLeave: DecreedDay[];
}

const SKB_2025 = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024';
const SKB_2026 = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025';

export const NATIONAL_DAYS_OFF: readonly NationalDaysOffDecree[] = [
  {
    year: 2025,
    decree: SKB_2025,
    signedOn: '2024-10-14',
    holidays: [
      { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi' },
      { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili' },
      { date: '2025-03-29', name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)' },
      { date: '2025-03-31', name: 'Idulfitri 1446 Hijriah' },
      { date: '2025-04-01', name: 'Idulfitri 1446 Hijriah' },
      { date: '2025-04-18', name: 'Wafat Yesus Kristus' },
      { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2025-05-01', name: 'Hari Buruh Internasional' },
      { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE' },
      { date: '2025-05-29', name: 'Kenaikan Yesus Kristus' },
      { date: '2025-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2025-06-06', name: 'Iduladha 1446 Hijriah' },
      { date: '2025-06-27', name: '1 Muharam Tahun Baru Islam 1447 Hijriah' },
      { date: '2025-08-17', name: 'Proklamasi Kemerdekaan' },
      { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2025-12-25', name: 'Kelahiran Yesus Kristus' },
    ],
    collectiveLeave: [
      { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek 2576 Kongzili' },
      { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2025-04-02', name: 'Cuti bersama Idulfitri 1446 Hijriah' },
      { date: '2025-04-03', name: 'Cuti bersama Idulfitri 1446 Hijriah' },
      { date: '2025-04-04', name: 'Cuti bersama Idulfitri 1446 Hijriah' },
      { date: '2025-04-07', name: 'Cuti bersama Idulfitri 1446 Hijriah' },
      { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak' },
      { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2025-06-09', name: 'Cuti bersama Iduladha 1446 Hijriah' },
      { date: '2025-12-26', name: 'Cuti bersama Kelahiran Yesus Kristus' },
    ],
  },
  {
    year: 2026,
    decree: SKB_2026,
    signedOn: '2025-09-19',
    holidays: [
      { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi' },
      { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili' },
      { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
      { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2026-05-01', name: 'Hari Buruh Internasional' },
      { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
      { date: '2026-05-27', name: 'Iduladha 1447 Hijriah' },
      { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah' },
      { date: '2026-08-17', name: 'Proklamasi Kemerdekaan' },
      { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2026-12-25', name: 'Kelahiran Yesus Kristus' },
    ],
    collectiveLeave: [
      { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek 2577 Kongzili' },
      { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
      { date: '2026-03-20', name: 'Cuti bersama Idulfitri 1447 Hijriah' },
      { date: '2026-03-23', name: 'Cuti bersama Idulfitri 1447 Hijriah' },
      { date: '2026-03-24', name: 'Cuti bersama Idulfitri 1447 Hijriah' },
      { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2026-05-28', name: 'Cuti bersama Iduladha 1447 Hijriah' },
      { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus' },
    ],
  },
];

/** The decree of a year, or undefined when its days off are not known here. */
export function nationalDaysOffOf(year: number): NationalDaysOffDecree | undefined {
  return NATIONAL_DAYS_OFF.find((d) => d.year === year);
}
