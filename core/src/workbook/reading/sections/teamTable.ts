/**
 * The 主要攻关人员 table of a quality-breakthrough project. It is not scored; it is only checked
 * against the form's limit on the number of members.
 */
import { TEAM_MAX_MEMBERS } from '../../contract.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { TableCursor } from '../tableCursor.js';

export function checkTeamTable(cur: TableCursor, notes: CellNoteCollector): void {
  const named = cur.rows.filter((r) => cur.text(r, 'name') !== undefined);
  if (named.length > TEAM_MAX_MEMBERS) {
    notes.warn(cur.sheet, cur.at(named[TEAM_MAX_MEMBERS]!, 'name'), {
      key: 'team.tooMany',
      zh: `主要攻关人员最多 ${TEAM_MAX_MEMBERS} 名（表A.1 填表说明5），实有 ${named.length} 名`,
      en: `at most ${TEAM_MAX_MEMBERS} main members (Table A.1 note 5); found ${named.length}`,
    });
  }
}
