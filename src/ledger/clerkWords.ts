/**
 * The words clerks write in their own registers, as data: each maps to one choice code of the
 * format (表三 applicant column, 表三 outcome row). Matched exactly after the importer's label key
 * (punctuation, spaces and width ignored) — a word that could mean two things is not here, and
 * nothing is matched by similarity. Sources: /work/shared notes on what clerks write, the 30号
 * labels' own wording, the 条例's reasons (第十四–十六条, 第三十六条).
 */

/** 申请人类型 as written → 表三 column (C1 自然人 … C6 其他). */
export const APPLICANT_WORDS: Readonly<Record<string, readonly string[]>> = {
  C1: ["个人", "群众", "公民", "居民", "市民", "村民", "自然人申请"],
  C2: ["企业", "公司", "商业机构", "企业法人"],
  C3: ["科研院所", "研究所", "研究院", "科研单位"],
  C4: ["公益组织", "社会组织", "协会", "基金会"],
  C5: ["律所", "律师", "律师事务所", "法律服务所"],
  C6: ["其它"],
};

/** 办理结果 as written → 表三 outcome row. */
export const OUTCOME_WORDS: Readonly<Record<string, readonly string[]>> = {
  R03: ["公开", "同意公开", "已公开", "全部公开", "予以提供", "已提供", "同意提供"],
  R05: ["国家秘密", "属于国家秘密", "涉及国家秘密", "涉密"],
  R06: ["法律行政法规禁止公开", "法律法规禁止公开"],
  R07: ["三安全一稳定", "危及三安全一稳定"],
  R08: ["第三方合法权益", "涉及第三方合法权益", "商业秘密", "个人隐私", "涉及商业秘密", "涉及个人隐私"],
  R09: ["内部事务信息", "三类内部事务信息", "内部事务"],
  R10: ["过程性信息", "四类过程性信息"],
  R11: ["行政执法案卷", "行政执法案卷信息"],
  R12: ["行政查询事项"],
  R13: ["信息不存在", "政府信息不存在", "本机关不掌握", "不掌握", "本机关不掌握相关政府信息"],
  R14: ["需要另行制作", "需另行制作", "没有现成信息"],
  R15: ["补正后仍不明确", "补正后申请内容仍不明确"],
  R16: ["信访举报投诉类", "信访举报投诉", "信访", "举报", "投诉", "信访类", "信访举报投诉类申请"],
  R17: ["重复申请"],
  R18: ["公开出版物", "要求提供公开出版物"],
  R19: ["大量反复申请", "无正当理由大量反复申请"],
  R20: ["确认或重新出具", "要求确认或重新出具已获取信息"],
  R21: ["逾期不补正", "视为放弃", "未补正", "逾期未补正"],
  R22: ["逾期未缴费", "未缴纳费用", "逾期未缴纳费用"],
  R23: ["其他处理"],
};

/** 收到方式 as written → channel code (vocabulary.ts RECEIPT_CHANNELS). */
export const CHANNEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  inPerson: ["当面", "当面申请", "当面递交", "现场", "现场申请", "现场提交", "窗口", "窗口提交", "来访"],
  registeredMail: ["邮寄", "邮寄申请", "信函", "挂号信", "ems", "邮政ems", "特快专递", "快递"],
  ordinaryMail: ["平信", "平邮", "寄错", "误寄"],
  email: ["电子邮件", "电子邮箱", "邮箱", "email", "e-mail"],
  online: ["网络", "网上", "网上申请", "在线", "在线申请", "互联网", "政府网站", "网站", "网络申请", "依申请公开平台", "申请平台"],
  fax: ["传真", "传真申请"],
  other: ["其它"],
};

/**
 * A guess of the applicant type from the applicant's name, for a register without a 申请人类型
 * column: organisations by the ending of their name, anyone else a natural person. A guess is
 * always shown to the clerk (import preview, LEDGER.NOTE), never used silently.
 */
const NAME_PATTERNS: readonly [RegExp, string][] = [
  [/(律师事务所|法律服务所)$/, "C5"],
  [/(研究所|研究院|研究中心|科学院)$/, "C3"],
  [/(基金会|协会|学会|促进会|公益服务中心)$/, "C4"],
  [/(有限公司|有限责任公司|股份公司|公司|集团|企业|厂|商行|合作社)$/, "C2"],
];

export function guessApplicantType(name: string | null): { code: string; by: "name" | "default" } {
  const n = (name ?? "").normalize("NFKC").replace(/\s+/g, "").replace(/[（(][^）)]*[）)]$/, "");
  for (const [re, code] of NAME_PATTERNS) if (re.test(n)) return { code, by: "name" };
  return { code: "C1", by: "default" };
}
