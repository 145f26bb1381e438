import type { Script } from '../scriptFormat.js';

/**
 * The items of the questionnaire, the cards and the answers a user can act on, in English: natural
 * answers, skip and the refused skip, a question mid-form, a bad card that keeps its values, one
 * case per card, the receipt with case number and triage, the officer's notice, the case status in
 * Beijing time, anyone may apply, out of scope, a closed campaign, status by name.
 */

const NO_KEYS = ['\\((intake|uscc|validation|assistance|score|review|auth)\\.\\w+\\)'];
const CARD = {
  orgName: 'Pujiang Pump Co., Ltd.',
  uscc: '91310115MA1H7XP02E',
  address: '上海市浦东新区川沙路8号',
  contact: 'Li Ming / quality manager',
  phone: '021-50805678',
  industry: 'General equipment',
  size: 'medium',
  productCategory: 'industrial',
  problemTypes: 'spot-check-failure',
  problemDetails: 'Seal leakage found in the spot check',
  needs: 'diagnosis',
  willing: 'yes',
  commitment: 'yes',
};

export const questionnaireNaturalEn: Script = {
  name: 'questionnaire-natural-en',
  lang: 'en',
  covers: '3. natural answers echoed, skip only optional fields, a question mid-form; 4. receipt with case number and 初步判定, officer notice, Beijing time',
  steps: [
    { who: 'officer', say: 'I need to file an assistance request for a company', expect: { contains: ['Assistance request'] } },
    {
      who: 'officer',
      say: 'Shijiazhuang Xinhe Valve Co., Ltd.',
      expect: { contains: ['Saved — Organisation name (full): Shijiazhuang Xinhe Valve Co., Ltd.'] },
    },
    {
      who: 'officer',
      say: 'what is the deadline?',
      expect: { contains: ['2025-09-30', 'Your assistance request is waiting at step 2/15'], buttons: ['Continue'] },
    },
    { who: 'officer', say: '91130102MA0DXYE33J', expect: { contains: ['Saved'] } },
    // A Chinese answer is confirmed in Chinese.
    { who: 'officer', say: '河北省石家庄市长安区建设北大街5号', expect: { contains: ['已记录'] } },
    { who: 'officer', say: 'Zhang Wei / plant manager', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'x'.repeat(400), expect: { notContains: ['x'.repeat(40)], notMatches: NO_KEYS } },
    { who: 'officer', say: 'phone is 13912340000', expect: { contains: ['13912340000'] } },
    { who: 'officer', say: 'valves', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'mid-sized', expect: { contains: ['Saved', 'Medium'] } },
    { who: 'officer', say: 'industrial', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'skip', expect: { contains: ['required'] } },
    { who: 'officer', say: 'spot check', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'Leakage rate varies between batches', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'diagnosis', expect: { contains: ['Saved'] } },
    { who: 'officer', say: 'skip', expect: { contains: ['Skipped'] } },
    { who: 'officer', say: "yes, we'll cooperate", expect: { contains: ['Willing to cooperate', ': yes.'] } },
    { who: 'officer', say: 'sure', expect: { contains: ['Saved'] } },
    {
      who: 'officer',
      say: 'none',
      expect: {
        contains: ['Skipped', 'Received — awaiting review by an officer', 'BF-2025-', 'Preliminary triage'],
        notMatches: ['[0-9a-f]{8}-[0-9a-f]{4}-', ...NO_KEYS],
      },
      capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' },
      notifies: { who: 'officer', contains: ['${caseNo}', 'Zhang Wei / plant manager', '13912340000', 'Shijiazhuang Xinhe Valve Co., Ltd.'] },
    },
    { who: 'officer', say: 'status of ${caseNo}', expect: { contains: ['${caseNo}', 'Beijing time'] } },
  ],
};

export const cardsEn: Script = {
  name: 'cards-en',
  lang: 'en',
  covers: '3. a bad card keeps every typed value; one case per card; 帮扶 routed by meaning; 4. case numbers',
  steps: [
    {
      who: 'officerPudong',
      say: 'apply for assistance',
      expect: { contains: ['Organisation name (full)'] },
      // The opening promises a form to fill in only where the card can hold typed answers.
      on: {
        teams: { contains: ['fill in the card below'], cardContains: ['assistance.submit', 'cardId'] },
        wecom: { contains: ['answer the questions one by one as messages'], notContains: ['fill in the card'] },
      },
    },
    // Two wrong values: Teams' whole-form submit lists both and keeps every typed value on the card; a WeCom
    // member's answers are kept one by one and the wrong phone number is asked again.
    {
      who: 'officerPudong',
      fill: { ...CARD, phone: '5080-12', size: 'enormous' },
      expect: { notMatches: NO_KEYS },
      on: {
        teams: {
          contains: ['2 field(s) need attention'],
          cardContains: ['5080-12', 'enormous', 'Pujiang Pump Co., Ltd.', 'Seal leakage found in the spot check'],
        },
        wecom: { contains: ['"5080-12" is not a valid phone number'] },
      },
    },
    { who: 'officerPudong', fill: CARD, expect: { contains: ['BF-2025-'] }, capture: { name: 'caseNo', pattern: '(BF-\\d{4}-\\d{4})' } },
    {
      who: 'officerPudong',
      repeat: true,
      expect: { notContains: ['Received — awaiting review'] },
      on: { teams: { contains: ['submitted before', '${caseNo}'] }, wecom: { silent: true } },
    },
    { who: 'officerPudong', say: 'where is the Pujiang Pump assistance case', expect: { contains: ['${caseNo}'], notContains: ['Organisation name (full)'] } },
  ],
};

export const anyoneMayApplyEn: Script = {
  name: 'anyone-may-apply-en',
  lang: 'en',
  covers: '3. anyone may apply (未核验 case); contacts and materials still answered; 4. out-of-scope not registered',
  steps: [
    { who: 'unregistered', say: 'our batch failed the spot check, can your experts help us?', expect: { contains: ['Assistance request'] } },
    {
      who: 'unregistered',
      fill: {
        ...CARD,
        orgName: 'Shijiazhuang Hengxin Castings Factory',
        uscc: '91130102MA0DXYH44P',
        address: '河北省石家庄市长安区和平东路9号',
        phone: '13912345670',
      },
      expect: { contains: ['BF-2025-'] },
    },
    { who: 'unregistered', say: 'who is the contact for Shanghai', expect: { contains: ['邱正'] } },
    { who: 'unregistered', say: 'which form do we fill in for an FMEA case?', expect: { contains: ['Annex 4'] } },
    {
      who: 'officerPudong',
      say: 'apply for assistance',
      expect: { contains: ['Organisation name (full)'] },
      on: { teams: { cardContains: ['assistance.submit'] } },
    },
    {
      who: 'officerPudong',
      fill: { ...CARD, orgName: 'Pudong Snacks Co., Ltd.', uscc: '91310115MA1H7XF05A', productCategory: 'food' },
      expect: { contains: ['outside the scope', '3.1'], notContains: ['Received — awaiting review'] },
    },
  ],
};

export const statusAndClosedEn: Script = {
  name: 'status-closed-en',
  lang: 'en',
  covers: "1. organisation names in the asker's scope, an unknown one found nothing; 4. closed campaign names the contact, officers learn of the override",
  steps: [
    { who: 'secretariat', say: 'status of Jibei', expect: { contains: ['冀北电源科技有限公司', 'Beijing time'], notContains: ['沪东精密仪器有限公司 —'] } },
    {
      who: 'officer',
      say: 'status of Jinqiao Sensors Co., Ltd.',
      expect: { contains: ['No submission of "Jinqiao Sensors Co., Ltd'], notContains: ['冀北电源科技有限公司 —'] },
    },
    { who: 'unregistered', clock: '2025-10-05T02:00:00Z', say: 'can companies in Shijiazhuang still apply?', expect: { contains: ['closed', '周敬'] } },
    { who: 'officer', say: 'materials checklist', expect: { contains: ['closed', '周敬'] } },
    { who: 'unregistered', clock: '2025-09-20T02:00:00Z', say: 'when is the deadline', expect: { contains: ['10 day(s) left', 'Beijing time'] } },
  ],
};
