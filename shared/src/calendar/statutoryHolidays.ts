/**
 * The fixed-date public holidays of 《全国年节及纪念日放假办法》 (State Council Decree 795,
 * revised 2024-11-10, in force from 2025-01-01): 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3
 * October. The others (春节, 清明, 端午, 中秋) follow the lunar calendar, and the bridging days
 * and make-up working days (调休) are set each year by the State Council's notice — neither can be
 * derived, so a year without its notice counts only these, plus weekends.
 */
const fixedDates = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']

export const provisionalHolidays = (year: number): string[] => fixedDates.map((date) => `${year}-${date}`)
