# ruff: noqa: E501  (phrase lists read better unbroken; CJK counts double)
"""A bilingual lexicon of customer-service intents, written from how customers and help centres
talk about the common topics of any shop or subscription service (not from any one company).

Each concept: (category it points to, English phrases separated by "|", Chinese phrases
separated by spaces). English phrases are matched on stemmed word sequences (so "refunds" matches
"refund"); Chinese phrases as substrings.
Search adds the concepts found to both articles and queries, so "money back" meets "refund";
triage reads the category each concept points to. Category "" means the concept is topical but
says nothing about the category on its own.
"""

from __future__ import annotations

Concept = tuple[str, str, str]

CONCEPTS: dict[str, Concept] = {
    "refund": (
        "refund",
        "refund | money back | reimburse | reimbursement | repay | pay me back | credit back |"
        "get my money | want my money | return the money | chargeback | refund status | money hit |"
        "money arrive | money show up | money come back | haven't got my money | dispute",
        "退款 退钱 退费 返还 退回 钱退 把钱 退我钱 钱什么时候到 钱还没到 没收到钱 退差价 返款 钱没退 退的钱",
    ),
    "return": (
        "refund",
        "return | send back | send it back | take back | exchange | swap | return label |"
        "change my mind | don't like | don't want | no longer want | wrong size | return window |"
        "return policy | unwanted",
        "退货 换货 退回去 寄回 退换 不想要 不喜欢 七天无理由 无理由 退换货 拒收 能退 想退 要退 退掉 "
        "可以退 退吗",
    ),
    "store_credit": (
        "refund",
        "store credit | account balance | credit on my account | wallet | voucher instead | balance |"
        "credit note",
        "余额 账户余额 钱包 代金券 购物金",
    ),
    "charge": (
        "billing",
        "charge | charged | billed | bill | debit | deducted | taken from my account | fee |"
        "overcharge | surcharge | price difference | paid | payment taken | charged me |"
        "roaming charge | data charge | late fee | overdraft fee | interest charged | direct debit | statement | bill is higher | higher than usual",
        "扣款 扣费 扣了 扣钱 收费 费用 账单 多收 乱收费 扣我 收我 收了我 话费 月租 漫游费 滞纳金 利息 账单比平时高 扣费",
    ),
    "double_charge": (
        "billing",
        "charged twice | double charge | double charged | duplicate charge | charged two times |"
        "billed twice | two payment | paid twice | twice for the same",
        "重复扣款 扣了两次 扣了我两次 扣我两次 收了两次 两次扣款 扣两次 两次钱 重复收费 扣了两遍 多扣 重复支付 付了两次",
    ),
    "payment": (
        "billing",
        "payment | pay | card | credit card | debit card | visa | mastercard | paypal | apple pay |"
        "google pay | checkout | declined | payment failed | transaction | bank transfer |"
        "payment method",
        "支付 付款 付不了 银行卡 信用卡 微信支付 支付宝 支付失败 结账 转账 刷卡",
    ),
    "instalment": (
        "billing",
        "instalment | installment plan | monthly payment | pay monthly | pay in instalments |"
        "buy now pay later | finance | financing | spread the cost | interest free | pay over time",
        "分期 月供 免息 花呗 分几期 按月付",
    ),
    "invoice": (
        "billing",
        "invoice | receipt | vat | tax invoice | business details | company name | tax number |"
        "billing address | proof of purchase",
        "发票 开票 收据 税号 抬头 增值税 报销 购物凭证",
    ),
    "points": (
        "billing",
        "points | loyalty | reward | rewards | club points | bonus points | cashback |membership points",
        "积分 会员积分 返现 奖励 积分抵扣",
    ),
    "gift_card": (
        "billing",
        "gift card | gift voucher | voucher | coupon | promo code | discount code | gift certificate",
        "礼品卡 购物卡 优惠券 优惠码 代金券 折扣码 券",
    ),
    "subscription": (
        "billing",
        "subscription | renewal | auto renew | plan | cancel subscription | membership fee |"
        "annual fee | recurring |"
        "tariff | contract | bundle | upgrade my plan | downgrade | free trial | trial | licence | license | seats",
        "订阅 续费 自动续费 自动扣费 套餐 年费 会员费 资费 合约 试用 升级套餐 降级 宽带套餐",
    ),
    "delivery": (
        "delivery",
        "delivery | deliver | shipping | ship | shipment | courier | driver | parcel | package |"
        "dispatch | arrive | arrival | post | van | time slot | delivery slot | delivery date",
        "配送 送货 发货 快递 物流 运输 包裹 司机 送到 到货 派送 寄 运费 送来 送过来 送的 送错 送冰箱 送家具",
    ),
    "tracking": (
        "delivery",
        "track | tracking | where is my order | where's my order | order status | tracking number |"
        "no update | not updated | hasn't moved",
        "物流信息 查询物流 快递单号 单号 到哪了 到哪里 没更新 不更新 物流状态 查物流",
    ),
    "late": (
        "delivery",
        "late | delay | delayed | still waiting | not arrived | hasn't arrived | not received |"
        "never arrived | overdue | running late | rescheduled | postponed | taking forever |"
        "missed delivery | no show | didn't turn up | didn't show up",
        "延迟 延误 迟迟 还没到 没收到 没送到 还没发货 推迟 改期 一直等 迟到 爽约 没来",
    ),
    "damaged": (
        "delivery",
        "damaged | broken | dented | scratched | crushed | cracked | smashed | arrived damaged |"
        "missing part | missing parts | wrong item | missing item | incomplete",
        "破损 损坏 摔坏 压坏 划痕 划了 划伤 刮花 裂 压扁 碎了 裂了 坏了 少了 缺件 少件 发错 错发 送错 只送来 少了一个",
    ),
    "installation": (
        "delivery",
        "install | installation | installer | fit | fitting | hook up | plumb in | connect up |"
        "set up | setup | mount | technician visit",
        "安装 上门安装 装机 安装师傅 接好 装好 预约安装 安装时间",
    ),
    "assembly": (
        "delivery",
        "assemble | assembly | put together | build the | flat pack | flatpack | construct",
        "组装 拼装 装配 安装家具",
    ),
    "collect": (
        "delivery",
        "click and collect | collect | collection | pick up | pickup | in store pickup | pick it up",
        "自提 门店自提 到店取 取货 提货",
    ),
    "fault": (
        "technical",
        "not working | doesn't work | does not work | stopped working | won't turn on | won't start |"
        "no power | broken down | faulty | fault | error | error code | malfunction | defect |"
        "defective | noise | noisy | leak | leaking | not heating | not cooling | stopped heating |"
        "stopped cooling | won't | dead | nothing happens | no response | loud | humming | buzzing |"
        "rattling | unusable | beeping",
        "故障 坏了 不工作 不能用 用不了 开不了机 不开机 没反应 不制冷 不加热 漏水 异响 噪音 报错 "
        "错误代码 失灵 不转 停机 不启动 毛病 出问题 吵 嗡嗡 声音大 响声 没法用 质量问题",
    ),
    "safety": (
        "technical",
        "smoke | smoking | spark | sparking | sparks | fire | flame | burning smell | burning | gas |"
        "smell gas | gas leak | electric shock | shock | explode | exploded | melting | overheat |"
        "overheating | hazard | dangerous | unsafe | injured | injury | burn",
        "冒烟 打火 火花 起火 着火 燃气 煤气 漏气 焦味 烧焦 触电 漏电 爆炸 发烫 过热 危险 安全隐患 "
        "受伤 烫伤 烧了 短路",
    ),
    "recall": (
        "technical",
        "recall | recalled | safety notice | safety recall | product recall",
        "召回 安全公告 召回名单",
    ),
    "app_error": (
        "technical",
        "app | website | site | crash | crashes | crashing | keeps closing | freeze | frozen |"
        "blank screen | white screen | loading | bug | glitch | page | browser | update | won't load |"
        "error message | 500 | 404 | blank page |"
        "server error | timeout | not syncing | sync | integration | api | login page",
        "app 闪退 白屏 黑屏 卡住 卡死 转圈 一直转 加载不出来 网页 网站 页面 打不开 加载 崩溃 bug 小程序 客户端 报错 空白 一片空白 同步 服务器 超时 接口",
    ),
    "warranty": (
        "technical",
        "warranty | guarantee | repair | fix | engineer | service visit | covered | under warranty |"
        "out of warranty | spare part | parts | replacement part",
        "保修 质保 维修 修理 修 过保 保修期 配件 售后",
    ),
    "connectivity": (
        "technical",
        "wifi | wi-fi | bluetooth | connect | connection | pair | pairing | signal | network | internet |"
        "broadband | router | mobile data",
        "wifi 网络 蓝牙 配对 信号 联网 宽带 路由器 流量",
    ),
    "connection_fault": (
        "technical",
        "offline | outage | down | service down | no signal | no service | internet down | slow speed |"
        "very slow | keeps dropping | disconnects | dropped calls | can't connect | cannot connect |"
        "won't connect | no internet",
        "连不上 断网 网断了 又断了 断线 掉线 信号差 没信号 网速慢 卡顿 打不了电话 上不了网 没网",
    ),
    "abroad": (
        "",
        "abroad | overseas | roaming | international | travelling | traveling | trip | holiday abroad |"
        "another country | foreign",
        "出境 出国 国外 境外 海外 漫游 国际 旅游 旅行 出差",
    ),
    "switch_provider": (
        "account",
        "keep my number | port my number | porting | switch provider | switch to you | transfer my number |"
        "move my number | pac code | leave my provider",
        "携号转网 转网 换号 不换号 保留号码 换运营商 换到你们",
    ),
    "login": (
        "account",
        "log in | login | sign in | signin | can't log | cannot log | logs me out | logged out | locked out |"
        "account locked |"
        "verification code | otp | two factor | 2fa | sms code |"
        "single sign-on | sso | authenticator | two-step",
        "登录 登陆 登不上 登不进 账号被锁 锁定 验证码 无法登录 人脸识别 短信验证 扫码登录",
    ),
    "password": (
        "account",
        "password | reset password | reset email | reset link | verification email | forgot password |"
        "forgotten password | change password | passcode | pin",
        "密码 忘记密码 重置密码 改密码 找回密码",
    ),
    "profile": (
        "account",
        "profile | change my email | change email | email address | phone number | mobile number |"
        "update my details | personal details | address book | name on account | username",
        "资料 个人信息 手机号 换绑 绑定 邮箱 修改信息 昵称 实名",
    ),
    "privacy": (
        "account",
        "privacy | delete my account | close my account | delete my data | personal data | gdpr |"
        "data protection | unsubscribe | marketing | spam email | opt out | consent",
        "隐私 注销 删除账户 删除账号 个人数据 删除个人信息 退订 营销短信 骚扰 泄露",
    ),
    "membership": (
        "account",
        "membership | member | loyalty account | account",
        "会员 账户 账号",
    ),
    "cancel": (
        "",
        "cancel | cancellation | cancel my order | stop the order | ordered by mistake | wrong order |"
        "change my order",
        "取消 撤销 不要了 下错单 拍错 取消订单",
    ),
    "order": (
        "",
        "order | purchase | bought | buy | order number",
        "订单 下单 购买 买了 买的 订单号",
    ),
    "specs": (
        "product_info",
        "spec | specs | specification | dimension | dimensions | size | height | width | depth |"
        "measurement | measure | weight | capacity | fit through | will it fit | material | colour |"
        "color | compatible | difference between | energy | energy class | energy rating |"
        "running cost | power consumption | electricity | kwh | noise level | fit under | fit in |"
        "work with",
        "规格 尺寸 参数 大小 高度 宽度 深度 多宽 多高 多大 重量 容量 材质 颜色 兼容 区别 能效 耗电 "
        "电费 功率 放得下 能放 公分 厘米 放得进 放进 能用",
    ),
    "stock": (
        "product_info",
        "in stock | stock | available | availability | out of stock | back in stock | restock |"
        "sold out | made to order | lead time | pre order | preorder",
        "库存 有货 缺货 现货 到货 补货 预售 断货 定制",
    ),
    "price": (
        "product_info",
        "price | cost | how much | cheaper | discount | sale | price match | price drop | promotion |"
        "deal | offer | trade in | trade-in | old appliance",
        "价格 多少钱 降价 便宜 优惠 打折 促销 价保 价格保护 比价 以旧换新 折价 补贴 大促 活动价 团购价",
    ),
    "complaint": (
        "complaint",
        "complaint | complain | formal complaint | escalate | escalation | manager | supervisor |"
        "speak to someone senior | unacceptable | disgraceful | terrible service | poor service |"
        "rude | unprofessional | no one replied | nobody replied | no reply | ignored |"
        "keep getting passed | third time | again and again | worst",
        "投诉 主管 经理 领导 态度 服务太差 态度差 不专业 没人回复 没人理 踢皮球 推来推去 敷衍 不满 "
        "太差 差评 第三次 又是 一再 升级处理 请升级 要求升级",
    ),
    "legal": (
        "complaint",
        "lawyer | solicitor | legal action | sue | court | trading standards | ombudsman |"
        "consumer protection | regulator | press | media | journalist | social media | review",
        "律师 起诉 法院 消协 消费者协会 12315 工商 媒体 曝光 记者 微博 抖音 报警",
    ),
    "business": (
        "other",
        "partnership | partner | wholesale | supplier | collaboration | sponsor | advertis |"
        "affiliate | reseller | b2b | bulk order | press inquiry | trade programme | trade program |"
        "trade account | design firm | company account",
        "合作 加盟 代理 批发 供应商 商务 招商 广告",
    ),
    "jobs": (
        "other",
        "job | jobs | career | vacancy | hiring | recruit | internship | cv | resume | apply for",
        "招聘 应聘 求职 工作机会 实习 简历 岗位",
    ),
    "praise": (
        "other",
        "thank you | thanks | great job | well done | appreciate | excellent service | love your |"
        "happy with | compliment | shout out | kudos",
        "谢谢 感谢 点赞 表扬 好评 很满意 辛苦了 给力",
    ),
}
