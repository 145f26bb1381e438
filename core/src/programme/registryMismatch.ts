import { sameWrittenName } from './organisationName.js';

/**
 * The registry's organisation is the one source of truth for who an entry belongs to; the
 * enterprise block of the evidence is what the uploader typed. Where they disagree the registered
 * data is shown and the difference is listed for officers to check (需核实), never silently
 * replaced or silently exported.
 */

export interface RegisteredOrganisation {
  name: string;
  uscc: string | null;
}

export interface RegistryMismatch {
  field: 'enterprise.name' | 'enterprise.uscc';
  stated: string;
  registered: string;
  zh: string;
  en: string;
}

export function registryMismatches(stated: { name?: string | null; uscc?: string | null } | undefined, registered: RegisteredOrganisation): RegistryMismatch[] {
  const out: RegistryMismatch[] = [];
  const name = stated?.name?.trim();
  if (name && !sameWrittenName(name, registered.name)) {
    out.push({
      field: 'enterprise.name',
      stated: name,
      registered: registered.name,
      zh: `需核实：申报材料中的企业名称为“${name}”，与登记名称“${registered.name}”不一致`,
      en: `to check: the evidence names the enterprise "${name}", the registry "${registered.name}"`,
    });
  }
  const uscc = stated?.uscc?.replace(/\s+/g, '').toUpperCase();
  if (uscc && registered.uscc && uscc !== registered.uscc) {
    out.push({
      field: 'enterprise.uscc',
      stated: uscc,
      registered: registered.uscc,
      zh: `需核实：申报材料中的统一社会信用代码为 ${uscc}，与登记的 ${registered.uscc} 不一致`,
      en: `to check: the evidence gives the USCC ${uscc}, the registry ${registered.uscc}`,
    });
  }
  return out;
}
