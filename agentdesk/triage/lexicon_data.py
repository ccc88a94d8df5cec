# ruff: noqa: E501  (phrase lists read better unbroken; CJK counts double)
"""Cue lexicons of triage, written from customer-service practice (not from any one company's data).

Format as in ``agentdesk.knowledge.lexicon_data``: name -> (label, English phrases separated by
"|", Chinese phrases separated by spaces). English phrases match stemmed word sequences, Chinese
phrases substrings. Weights are in ``WEIGHTS`` (default 1.0).
"""

from __future__ import annotations

from agentdesk.knowledge.lexicon_data import Concept

# Extra category cues beyond the topic concepts of the knowledge lexicon.
CATEGORY_CUES: dict[str, Concept] = {
    "formal_complaint": (
        "complaint",
        "complaint | complain | formal complaint | escalate | escalation | manager | supervisor |"
        "someone senior | your boss | head office | complaint reference | complaint number",
        "投诉 正式投诉 升级处理 请升级 要求升级 主管 经理 领导 负责人 投诉单 投诉编号 上级",
    ),
    "staff": (
        "complaint",
        "customer service | your staff | your agent | the agent | agents | your team | rude | hung up |"
        "unprofessional | attitude | nobody call | no one call | nobody called | no one replied |"
        "never replied | no response from | passed around | transferred | chatbot | bot | robot |"
        "same answer | explain again | from scratch | start over | worst service | worst customer service |"
        "on hold | hold for | queue | excuses | your service",
        "客服 工号 态度 挂电话 挂了 不专业 没人回 没人理 没有人回 转了 推来推去 踢皮球 从头讲 "
        "智能客服 机器人客服 同一句 敷衍 服务态度 处理方式 一个说法 给个说法 没人跟进 排队 借口 售后服务 "
        "正式意见 书面答复 服务",
    ),
    "pre_purchase": (
        "product_info",
        "do you sell | do you have | do you stock | is it available | available in | come in |"
        "does it come with | does it have | does it include | thinking of buying | planning to buy |"
        "before I buy | before buying | want to buy | looking for | recommend | which model | compare |"
        "is there a | warranty length | how long is the warranty | can it | will it | does this | does the |"
        "difference between | compare | which is better | which one should",
        "有没有 有货 还有 想买 打算买 准备买 推荐 哪款 哪个型号 对比 送不送 送吗 包含 带不带 能不能用 "
        "支持 适合 可以放 能放 多少钱 什么价 是什么材质 可拆 活动 有优惠 会不会有 这款 那款 哪款 款式 "
        "送挂架 赠品 送不送 有什么区别 哪个好 哪个更 对比一下",
    ),
    "how_to": (
        "technical",
        "how do I use | how to use | how do I clean | descale | manual | user guide | instructions |"
        "setting | settings | mode | icon | firmware | reset the | pair the | light is flashing | beep",
        "怎么用 如何使用 怎么清洗 除垢 说明书 设置 模式 图标 固件 复位 指示灯 闪烁 滴滴 使用方法 怎么调",
    ),
    "appliance_fault": (
        "technical",
        "trips the | tripping | tripped | breaker | fuse | error e | code e | drain | not draining |"
        "won't spin | ice | frost | temperature | thermostat | door seal | remote | screen | motor |"
        "filter | battery | charging | drum | compressor | heating element",
        "跳闸 保险丝 不排水 排水 不脱水 结冰 结霜 温度 门封 遥控器 屏幕 电机 滤网 电池 充电 滚筒 压缩机 "
        "主刷 缠绕 提示 显示 故障码 不出水 不出热水 不亮 不转 异味",
    ),
    "security": (
        "account",
        "hacked | someone placed | someone used my account | not me | i didn't make | i did not make |"
        "unauthorised | unauthorized | suspicious | stolen account | account compromised | freeze my account |"
        "lock my account | lock it",
        "被盗 盗号 不是我下的 不是我买的 陌生 异常登录 冻结 被限制 账号异常 盗刷 被人登录",
    ),
    "account_admin": (
        "account",
        "merge | two accounts | gold member | membership level | become a member | upgrade my membership |"
        "old address | default address | saved address | nickname | newsletter | sms",
        "合并 两个账号 金卡 银卡 会员等级 升级会员 成为会员 旧地址 默认地址 短信 推送 通知 头像 实名认证",
    ),
    "billing_money": (
        "billing",
        "charged for | why was i charged | extra charge | overcharged | wrong bill | bill shock | higher than usual | installation fee | delivery fee charged |"
        "annual fee | price on my receipt | statement",
        "收了我 收费了 被扣 扣了 年费 手续费 账单 对账 收据 价格不对 乱扣费 比平时高 账单不对",
    ),
    "other_topics": (
        "other",
        "donate | charity | feedback on your | suggestion | shout out | love your shop | great shop |"
        "keep up | merry christmas | happy new year | just wanted to say | hello there | test message |"
        "win a prize | crypto | investment | seo | backlinks | press contact | journalist | writing an article |"
        "opening hours | opening times | store hours | interview | media enquiry | media inquiry | limited offer | click here | guaranteed results",
        "捐 慈善 建议你们 祝你们 越办越好 新年快乐 节日快乐 中奖 投资 推广 刷单 兼职 你们公司 总部 地址在哪 "
        "营业时间 几点开门 几点关门 门店在哪 记者 采访 媒体联系 稿件 写一篇 加v 加微信 刷销量 刷好评 代运营 限时福利 你们招 招人 "
        "招司机",
    ),
}

# Category weight of each topic concept of the knowledge lexicon (default 1.0).
CONCEPT_WEIGHTS: dict[str, float] = {
    "refund": 2.2,
    "return": 1.6,
    "store_credit": 1.5,
    "double_charge": 2.5,
    "charge": 1.5,
    "payment": 1.2,
    "instalment": 2.0,
    "invoice": 2.0,
    "points": 1.8,
    "gift_card": 1.8,
    "subscription": 1.5,
    "delivery": 1.2,
    "tracking": 1.8,
    "late": 1.6,
    "damaged": 1.6,
    "installation": 1.5,
    "assembly": 1.8,
    "collect": 1.8,
    "fault": 1.6,
    "safety": 2.5,
    "recall": 2.0,
    "app_error": 1.4,
    "warranty": 1.5,
    "connectivity": 1.0,
    "connection_fault": 1.6,
    "login": 2.5,
    "password": 2.5,
    "profile": 1.8,
    "privacy": 2.0,
    "membership": 0.8,
    "specs": 1.4,
    "stock": 1.6,
    "price": 1.2,
    "complaint": 0.8,
    "legal": 1.0,
    "business": 2.5,
    "jobs": 2.5,
    "praise": 0.4,
    "formal_complaint": 2.4,
    "staff": 1.6,
    "pre_purchase": 1.3,
    "how_to": 1.4,
    "appliance_fault": 1.2,
    "security": 2.5,
    "account_admin": 1.4,
    "billing_money": 2.0,
    "other_topics": 1.8,
}

# --- sentiment ------------------------------------------------------------------------------
# label "neg" / "pos" / "worry" (negative), weight in SENTIMENT_WEIGHTS.
SENTIMENT_CUES: dict[str, Concept] = {
    "anger": (
        "neg",
        "ridiculous | unacceptable | disgrace | disgraceful | outrageous | furious | angry | annoyed |"
        "fed up | sick of | tired of | useless | pathetic | joke | scam | rip off | ripoff | terrible |"
        "awful | horrible | worst | nightmare | unbelievable | incompetent | shocking | appalling |"
        "rubbish | garbage | hate | sucks | wtf | seriously | disappointed | disappointing |"
        "very poor | poor | not happy | unhappy | frustrated | frustrating | waste of time | nonsense |"
        "how hard can it be | what is going on | no one tells me | nobody tells me | not acceptable |"
        "not good enough | is this a joke",
        "离谱 无语 气死 烦死 垃圾 太差 很差 真差 差劲 最差 失望 恶心 坑 骗子 骗人 忽悠 搞什么 什么玩意 受不了 "
        "忍无可忍 无法接受 不能接受 岂有此理 过分 太过分 凭什么 噩梦 崩溃 郁闷 糟糕 太烂 烂 生气 愤怒 "
        "不满 不爽 火大 别再 到底 究竟 怎么回事 什么情况 什么质量 搞不定 耽误 折腾 心累 头疼 闹心 "
        "一次又一次 还不是 根本 为什么还 凭啥",
    ),
    "worry": (
        "worry",
        "worried | worry | scared | afraid | anxious | nervous | concerned | panic | frightened |"
        "don't dare | too scared | what do i do | what should i do",
        "担心 害怕 不敢 着急 急死 慌 紧张 怎么办 吓 焦虑 吓人 吓死",
    ),
    "problem": (
        "neg",
        "still not | still no | still haven't | never arrived | not received | doesn't work | not working |"
        "broken | stopped working | wrong | missing | lost | damaged | failed | declined | stuck | can't |"
        "cannot | won't | no one | nobody | nothing | no reply | no answer | ignored | waiting for |"
        "been waiting | charged twice | another week | another day | yet again | without my",
        "还没 一直没 都没 没收到 没到 不了 坏了 丢了 丢件 少了 错了 发错 失败 卡住 没人 没有人 "
        "没反应 没消息 拖了 等了 一动不动 跳闸 漏水 不制冷 不加热 报错 闪退 登不上 被扣 扣了两次 "
        "划痕 破损 压坏 没来 爽约",
    ),
    "praise": (
        "pos",
        "thank you so much | thanks so much | thanks a lot | many thanks | great | excellent | amazing |"
        "awesome | fantastic | wonderful | brilliant | perfect | love | lovely | happy |"
        "delighted | impressed | quick | fast | helpful | friendly | kind | well done | appreciate |"
        "appreciated | satisfied | good job | super | best | nice | polite | smooth | easy",
        "太棒 很棒 真棒 好评 满意 喜欢 给力 点赞 赞 太快 很快 超快 专业 贴心 耐心 "
        "热情 靠谱 不错 很好 挺好 舒服 完美 开心 高兴 惊喜 有礼貌 周到 顺利 颜值 好用 越办越好 "
        "👍 😊 😍 ❤ 🙏 🎉",
    ),
    "thanks": (
        "thanks",
        "thanks | thank you | cheers",
        "谢谢 多谢 谢了 感谢 辛苦了 辛苦",
    ),
    "resolved": (
        "pos",
        "received the refund | refund arrived | got my refund | sorted | resolved | fixed now |"
        "works now | working again | arrived today | all good | problem solved | reversed |"
        "sorted out",
        "收到了 到账了 解决了 修好了 好了 已经好了 搞定 送到了 已收到 退回来了 已退回 处理好了",
    ),
}

POLITE_EN = ("please", "could you", "would you", "kindly", "hello", "hi", "dear", "thank")
POLITE_ZH = ("您好", "你好", "麻烦", "请帮", "劳驾", "打扰", "谢谢", "辛苦", "不急", "不着急")
# Imperatives that tell the company off ("stop it", "别再发了").
SCOLDING_EN = (
    "stop it",
    "stop sending",
    "stop calling",
    "stop emailing",
    "sort it out",
    "fix it now",
    "lock it now",
    "put me through",
    "i want a human",
    "real person",
)
SCOLDING_ZH = (
    "别发了",
    "别再",
    "不要再",
    "给我转",
    "我要人工",
    "给个说法",
    "马上冻结",
    "赶紧",
    "烦不烦",
    "搞笑",
    "摆设",
    "破规定",
    "磨磨蹭蹭",
    "没用",
    "洗脑",
    "别扭",
    "好吗",
)

# A friendly, unhurried tone: praise next to a small request stays positive ("不急哈～").
FRIENDLY = (
    "～",
    "~",
    "不急",
    "不着急",
    "小问题",
    "建议",
    "no rush",
    "no hurry",
    "when you get a chance",
    "when you can",
    ":)",
    "😊",
    "🙂",
    "👍",
)

# After these, what follows is what the customer means ("thanks, but ...").
CONTRAST = (" but ", "however", "但是", "不过", "可是", "然而", "，就是", ",就是", "!就是", "。就是")

# The same failure again: frustration even in calm words ("third time now", "又坏了").
REPEAT_EN = ("third time", "fourth time", "fifth time", "again", "every time", "keeps happening", "still")
REPEAT_ZH = ("第三次", "第四次", "第五次", "又", "老是", "每次", "总是", "一再", "再次", "还是")
# Problems that upset nearly everyone, whatever the wording.
SEVERE_TOPICS = frozenset({"damaged", "safety", "security", "double_charge", "formal_complaint"})

SENTIMENT_WEIGHTS: dict[str, float] = {
    "anger": 2.0,
    "worry": 1.6,
    "problem": 0.9,
    "praise": 1.2,
    "thanks": 0.5,
    "resolved": 1.2,
}

# Negators flip or dampen the polarity of a cue right after them ("not happy", "不满意").
EN_NEGATORS = frozenset({"not", "no", "never", "don't", "didn't", "isn't", "wasn't", "hardly", "nothing"})
ZH_NEGATORS = ("不", "没", "别", "未", "无")

# Sarcasm: praise in quotation marks, or praise next to a problem ("great, lost again").
SARCASM_EN = (
    "thanks for nothing",
    "used to be",
    "thanks a lot for",
    "great job losing",
    "oh great",
    "just great",
    "well done you",
    "brilliant service",
    "as always",
    "yeah right",
    "love how",
    "love that",
)
SARCASM_ZH = (
    "一如既往",
    "以前服务",
    "以前挺好",
    "以前很好",
    "真是谢谢",
    "谢谢你们啊",
    "真行",
    "真棒，",
    "真棒,",
    "可真",
    "好样的",
    "服了",
    "呵呵",
    "真是厉害",
    "佩服",
)
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("'", "'"))

# --- urgency (P1) -----------------------------------------------------------------------------
URGENCY_CUES: dict[str, Concept] = {
    "safety": (
        "safety risk",
        "smoke | smoking | spark | sparking | sparks | caught fire | on fire | flame | flames |"
        "burning smell | burning plastic | smell of burning | smell gas | gas smell | smell of gas |"
        "smells of gas | gas leak | leaking gas | electric shock |"
        "shock | explode | exploded | explosion | melting | melted | overheating | on fire |"
        "leaking onto the power | onto the socket | onto the plug | water in the socket | carbon monoxide |"
        "child got hurt | injured | injury | burned | burnt my",
        "冒烟 打火 火花 起火 着火 燃气味 煤气味 闻到煤气 闻到燃气 漏气 焦味 焦糊 烧焦 糊味 触电 漏电 电到 爆炸 炸了 "
        "融化 熔化 过热 漏到插座 插座进水 受伤 烫伤 一氧化碳",
    ),
    "health": (
        "health risk",
        "insulin | medicine | medication | medical | baby formula | breast milk | oxygen | elderly |"
        "disabled | wheelchair | pregnant | hospital | vaccine",
        "胰岛素 药品 药物 医疗 婴儿 奶粉 母乳 氧气 老人 残疾 轮椅 孕妇 医院 疫苗",
    ),
    "blocked": (
        "person blocked",
        "can't get out | cannot get out | can't get past | blocking my | blocked my | trapped |"
        "locked in | stuck outside | no heating | no hot water | no water | can't leave",
        "出不了门 出不去 堵在 堵住 困在 进不了门 没有暖气 没热水 没水 停水 停电",
    ),
    "security": (
        "account security",
        "hacked | someone placed | someone used my account | i didn't make | i did not make |"
        "unauthorised | unauthorized | fraud | fraudulent | stolen | identity theft | compromised",
        "被盗 盗号 不是我下的 盗刷 诈骗 被人登录 异常登录 冻结",
    ),
    "legal": (
        "legal or media threat",
        "lawyer | solicitor | legal action | sue | suing | court | small claims | trading standards |"
        "ombudsman | regulator | consumer protection | police | the press | local news | tv news |"
        "newspaper | journalist | tv station | social media | twitter | facebook | tiktok | instagram |"
        "going viral | post this online",
        "律师 起诉 法院 法律 消协 消费者协会 12315 市场监管 工商 报警 警察 媒体 曝光 记者 电视台 微博 "
        "抖音 小红书 朋友圈 黑猫投诉 网上曝光",
    ),
    "urgent": (
        "explicit urgency",
        "urgent | urgently | asap | immediately | right now | emergency | need it today | fix today |"
        "fix it today | sort it today | by today | by tonight |"
        "straight away | as soon as possible | by monday | by tomorrow | before tomorrow",
        "紧急 急需 加急 马上 立刻 立即 赶紧 今天必须 今天就要 今晚 尽快 十万火急 火速 明天之前",
    ),
}

URGENT_NEEDS_PROBLEM = frozenset({"urgent"})  # urgency words alone ("today?") are not P1

# A wrong or double charge at or above this amount (any currency) is "large".
LARGE_AMOUNT = 1000
