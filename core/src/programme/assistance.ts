/**
 * 工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿） (docs/sources/004_…): the triggers
 * and start rules of §7 (帮扶触发情形), the scope of term 3.1 (工业产品) and the Annex A.1
 * application form, as data and pure functions.
 */
export * from './assistance/guideSources.js';
export * from './assistance/productScope.js';
export * from './assistance/supervisionTrigger.js';
export * from './assistance/applicationOptions.js';
export * from './assistance/applicationForm.js';
export * from './assistance/triage.js';
