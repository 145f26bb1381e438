import { validateAnswer, yesNo } from './bot/src/conversation/intakeValidation.js';
import { INTAKE_FIELDS } from './bot/src/conversation/intakeFields.js';
import { programmePort } from './bot/src/conversation/serviceBindings.js';
const f = (k: string) => INTAKE_FIELDS.find((x) => x.key === k)!;
for (const [k, v] of [['willing','愿意配合'],['willing','没问题'],['willing','不愿意'],['willing','可以'],['willing','好的'],['willing','也许吧'],['willing','是'],['willing','yes sure'],['commitment','好的'],['commitment','我承诺'],['commitment','同意'],['commitment','不'],['size','中等'],['size','中型'],['size','规模算大型'],['size','小微企业'],['size','我们算小企业'],['size','巨型'],['productCategory','工业产品'],['productCategory','普通工业产品'],['problemTypes','抽检不合格'],['problemTypes','1,4'],['problemTypes','2,9'],['needs','现场诊断'],['needs','需要专家来现场诊断，再帮我们出个改进方案'],['needs','现场诊断与问题溯源、5'],['phone','电话是0311-86001234'],['phone','12812345678'],['uscc','91130102MA0DXYW12W'],['uscc','ABC'],['measuresTaken','跳过']] as const)
  console.log(k, v, JSON.stringify(validateAnswer(f(k), v, programmePort)));
