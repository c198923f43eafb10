import { z } from 'zod'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD' })

/** A year's arrangement: every date inside that year, real, and never both a holiday and a working day. */
export function calendarInputSchema(year: number) {
  const inYear = isoDate.refine(
    (date) =>
      date.startsWith(`${year}-`) &&
      !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
      new Date(`${date}T00:00:00Z`).toISOString().startsWith(date),
    {
      message: `日期须在${year}年内且真实存在 / Dates must be real dates in ${year}`,
    },
  )
  return z
    .object({ holidays: z.array(inYear).max(60), workdays: z.array(inYear).max(20) })
    .refine((input) => !input.holidays.some((date) => input.workdays.includes(date)), {
      message: '同一天不能既放假又上班 / A date cannot be both a holiday and a working day',
      path: ['workdays'],
    })
}
