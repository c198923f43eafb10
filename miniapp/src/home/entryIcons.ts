import alert from '../ui/icons/alert.svg'
import calendar from '../ui/icons/calendar.svg'
import chart from '../ui/icons/chart.svg'
import chat from '../ui/icons/chat.svg'
import check from '../ui/icons/check.svg'
import edit from '../ui/icons/edit.svg'
import gear from '../ui/icons/gear.svg'
import house from '../ui/icons/house.svg'
import inbox from '../ui/icons/inbox.svg'
import list from '../ui/icons/list.svg'
import megaphone from '../ui/icons/megaphone.svg'
import people from '../ui/icons/people.svg'

/** The icon of each home entry (by key), shipped with the app; unknown keys get the list icon. */
const icons: Record<string, string> = {
  submitCase: edit,
  myCases: list,
  echoWall: megaphone,
  topics: chat,
  newVisit: house,
  myVisits: list,
  leaderVisits: list,
  quota: chart,
  unitProgress: chart,
  pairs: people,
  reception: calendar,
  inbox,
  handled: check,
  objections: alert,
  supervision: alert,
  board: alert,
  unitCases: list,
  allCases: list,
  ownedCases: people,
  stats: chart,
  console: chart,
  followUps: check,
  dispatch: inbox,
  routing: gear,
  units: people,
}

export const entryIcon = (key: string): string => icons[key] ?? list
