<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="65" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="66" />
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="57" />
        <source>Complaint rate up against the last 7 days</source>
        <translation>投诉率较近 7 天上升</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="58" />
        <source>Average first response today</source>
        <translation>今日平均首次响应时长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="59" />
        <source>P1 about to breach its SLA</source>
        <translation>P1 工单即将超出 SLA</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="60" />
        <source>Waiting tickets over capacity</source>
        <translation>排队工单超出承接能力</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="67" />
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="68" />
        <source>Now</source>
        <translation>当前情况</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="69" />
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="70" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="73" />
        <source>Acknowledge</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="78" />
        <source>RED</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="78" />
        <source>YELLOW</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="96" />
        <source>%1 red, %2 yellow</source>
        <translation>红色告警 %1 条，黄色告警 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="105" />
        <source>%1 overdue by %2</source>
        <translation>%1 已超时 %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="106" />
        <source>%1 due in %2</source>
        <translation>%1 剩余 %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="109" />
        <source>%1 (limit %2)</source>
        <translation>%1（上限 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="115" />
        <source>+%1 % (%2 % against %3 %)</source>
        <translation>+%1%（%2% 对比 %3%）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="122" />
        <source>%1 waiting, capacity %2</source>
        <translation>排队 %1 个，承接能力 %2 个</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="61" />
        <source>Request refund or compensation</source>
        <translation>申请退款或补偿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="63" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="64" />
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="65" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="69" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="71" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="79" />
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="80" />
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="82" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="90" />
        <source>Your team lead approves up to %1 in one step; above that it is escalated.</source>
        <translation>组长可一步审批不超过 %1 的金额；超出部分将升级处理。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="92" />
        <source>Above the one-step limit of %1: the request will be escalated.</source>
        <translation>超过一步审批上限 %1：申请将升级处理。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="97" />
        <source>The amount must be greater than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="101" />
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="299" />
        <source>any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="300" />
        <source>Approval decided</source>
        <translation>审批已处理</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="301" />
        <source>Approval requested</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="302" />
        <source>Reassigned</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="303" />
        <source>Bulk assign</source>
        <translation>批量分配</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="304" />
        <source>Bulk tag</source>
        <translation>批量加标签</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="305" />
        <source>Bulk priority</source>
        <translation>批量改优先级</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="306" />
        <source>Bulk close</source>
        <translation>批量关闭</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="307" />
        <source>Alert acknowledged</source>
        <translation>告警已确认</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="308" />
        <source>Personal data revealed</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="309" />
        <source>Personal data refused</source>
        <translation>查看个人信息被拒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="310" />
        <source>Transferred</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="311" />
        <source>Customer updated</source>
        <translation>修改客户资料</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="312" />
        <source>Personal data erased</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="313" />
        <source>Upstream sync failed</source>
        <translation>上游系统同步失败</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="322" />
        <source>who (agent id)</source>
        <translation>操作人（坐席 ID）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="323" />
        <source>ticket / approval id</source>
        <translation>工单 / 审批 ID</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="324" />
        <source>since (2026-11-01T00:00:00Z)</source>
        <translation>起始时间（2026-11-01T00:00:00Z）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="325" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="329" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="330" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="331" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="332" />
        <source>On</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="333" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="334" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146" />
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146" />
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152" />
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="156" />
        <location filename="../../ui/widgets/dialogs.py" line="158" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/widgets/composer.py" line="74" />
        <source>&amp;Reply to customer</source>
        <translation>回复客户(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="75" />
        <source>Internal &amp;note</source>
        <translation>内部备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="76" />
        <source>Message text</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="78" />
        <source>Type your reply… Ctrl+Enter sends, Ctrl+1–5 inserts a suggestion</source>
        <translation>输入回复…… Ctrl+Enter 发送，Ctrl+1–5 插入推荐内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="81" />
        <location filename="../../ui/widgets/composer.py" line="109" />
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="80" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="81" />
        <location filename="../../ui/widgets/composer.py" line="109" />
        <source>Add internal note</source>
        <translation>添加内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="88" />
        <source>Draft restored</source>
        <translation>已恢复草稿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="89" />
        <source>Editing…</source>
        <translation>编辑中……</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="90" />
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="91" />
        <source>Nothing to send</source>
        <translation>没有可发送的内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="92" />
        <source>Queued for sending</source>
        <translation>已加入发送队列</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="41" />
        <source>No ticket open</source>
        <translation>未打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="33" />
        <source>Ticket summary</source>
        <translation>工单概要</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="34" />
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="50" />
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="52" />
        <source>nobody</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="53" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="53" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="54" />
        <source>: </source>
        <comment>between a label and its value</comment>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="73" />
        <source>Internal note — not visible to the customer</source>
        <translation>内部备注 — 客户不可见</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="76" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="78" />
        <source>Public reply</source>
        <translation>公开回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="85" />
        <source>No messages yet.</source>
        <translation>暂无消息。</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="62" />
        <source>Open a ticket or search (Ctrl+E) to see a customer.</source>
        <translation>打开工单或搜索（Ctrl+E）以查看客户。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="56" />
        <source>Customer summary</source>
        <translation>客户概要</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="57" />
        <source>Open tickets of this customer</source>
        <translation>该客户的未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="58" />
        <source>Interaction timeline</source>
        <translation>互动时间线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="63" />
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="59" />
        <source>Timeline (all channels)</source>
        <translation>时间线（全渠道）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/customer_panel.py" line="66" />
        <location filename="../../ui/widgets/customer_panel.py" line="83" />
        <source>Open tickets (%n)</source>
        <translation><numerusform>未结工单（%n）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="99" />
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="103" />
        <source>Verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="105" />
        <source>Not verified</source>
        <translation>未认证</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="114" />
        <source>: </source>
        <comment>between a label and its value</comment>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="116" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="116" />
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="128" />
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="128" />
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="129" />
        <source>Complaints (90 days)</source>
        <translation>投诉（近 90 天）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="88" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="223" />
        <source>Tickets</source>
        <translation>工单量</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="89" />
        <source>Avg first response</source>
        <translation>平均首次响应</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="90" />
        <source>Avg resolution</source>
        <translation>平均解决时长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="91" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="273" />
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="92" />
        <source>First-contact resolution</source>
        <translation>一次解决率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="93" />
        <source>P1 answered ≤ 5 min</source>
        <translation>P1 五分钟响应率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="94" />
        <source>SLA attained</source>
        <translation>SLA 达成率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="95" />
        <source>Complaint rate</source>
        <translation>投诉率</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="96" />
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="100" />
        <source>◀ Back</source>
        <translation>◀ 返回</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101" />
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="162" />
        <source>Double-click a row to drill down.</source>
        <translation>双击一行查看下一级明细。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="104" />
        <source>Assign…</source>
        <translation>分配……</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="105" />
        <source>Tag…</source>
        <translation>加标签……</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="106" />
        <source>Priority…</source>
        <translation>改优先级……</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="107" />
        <source>Close</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="160" />
        <source>Select tickets (Ctrl/Shift+click) for bulk actions.</source>
        <translation>选择工单（Ctrl/Shift+单击）后可批量操作。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="178" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="150" />
        <source>My teams</source>
        <translation>我的小组</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="150" />
        <source>All teams</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="184" />
        <source>%1 by channel</source>
        <translation>%1 · 各渠道</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="191" />
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="192" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="198" />
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="197" />
        <source>Agents of %1</source>
        <translation>%1 的坐席</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="204" />
        <source>Team</source>
        <translation>小组</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="208" />
        <source>Teams</source>
        <translation>各小组</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="224" />
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="225" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="272" />
        <source>First resp. (min)</source>
        <translation>首次响应（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="226" />
        <source>Resolution (h)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="227" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="258" />
        <source>CSAT %</source>
        <translation>满意度 %</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="228" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="259" />
        <source>FCR %</source>
        <translation>一次解决率 %</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="229" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="260" />
        <source>SLA %</source>
        <translation>SLA 达成率 %</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="230" />
        <source>Complaints %</source>
        <translation>投诉率 %</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="266" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="267" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="268" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="269" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="314" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="270" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="271" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="303" />
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="303" />
        <source>Agent id to assign to:</source>
        <translation>分配给（坐席 ID）：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="308" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="308" />
        <source>Tag to add:</source>
        <translation>要添加的标签：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="314" />
        <source>New priority:</source>
        <translation>新的优先级：</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="321" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="322" />
        <source>Why (kept in the audit log) — %1 tickets:</source>
        <translation>原因（记入审计日志）— 共 %1 个工单：</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="199" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="200" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="201" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="202" />
        <location filename="../../ui/supervisor/lists.py" line="253" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="203" />
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="204" />
        <source>Within your limit</source>
        <translation>在您的审批权限内</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="207" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="208" />
        <source>Reject…</source>
        <translation>驳回……</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="209" />
        <source>Escalate…</source>
        <translation>升级……</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="214" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="214" />
        <source>no — escalate</source>
        <translation>否 — 需升级</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="215" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="215" />
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="243" />
        <source>Above your one-step limit (refund 5,000 / compensation 2,000): escalate it.</source>
        <translation>超出您的一步审批上限（退款 5,000 / 补偿 2,000），请升级处理。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="253" />
        <source>Why (kept in the audit log):</source>
        <translation>原因（记入审计日志）：</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="50" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="50" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="56" />
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../ui/lock.py" line="263" />
        <source>The server cannot be reached, and this computer has no record to check your password against. Connect to the network to unlock, or sign out.</source>
        <translation>无法连接服务器，本机也没有可用于验证密码的记录。请连接网络后解锁，或退出登录。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="270" />
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="102" />
        <source>AgentDesk is locked</source>
        <translation>AgentDesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="103" />
        <source>Enter your password to continue.</source>
        <translation>请输入密码以继续。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="104" />
        <location filename="../../ui/widgets/lock_screen.py" line="105" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="106" />
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="107" />
        <source>Unlock problem</source>
        <translation>解锁问题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="108" />
        <source>Sign &amp;out…</source>
        <translation>退出登录(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="109" />
        <source>Your queued work keeps syncing while the console is locked.</source>
        <translation>控制台锁定期间，待发送的工作会继续同步。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="114" />
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="123" />
        <source>Checking…</source>
        <translation>正在验证……</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="130" />
        <source>Too many wrong passwords. Try again in %1 s.</source>
        <translation>密码错误次数过多，请在 %1 秒后重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="191" />
        <source>AgentDesk — %1</source>
        <translation>AgentDesk 客服工作台 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="192" />
        <source>Signed in as %1</source>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="193" />
        <source>F1 shortcuts · Ctrl+K commands</source>
        <translation>F1 快捷键 · Ctrl+K 命令</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="224" />
        <location filename="../../ui/mainwindow.py" line="291" />
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="225" />
        <source>Search customers and tickets</source>
        <translation>搜索客户和工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="226" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="227" />
        <source>Queue: my tickets</source>
        <translation>队列：我的工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="228" />
        <source>Queue: my team</source>
        <translation>队列：本组</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="229" />
        <source>Queue: all open</source>
        <translation>队列：全部未结</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="230" />
        <source>Go to the queue</source>
        <translation>转到队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="231" />
        <source>Filter the queue</source>
        <translation>筛选队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="234" />
        <source>Go to the customer timeline</source>
        <translation>转到客户时间线</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238" />
        <source>Write a reply</source>
        <translation>撰写回复</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="239" />
        <source>Write an internal note</source>
        <translation>撰写内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="240" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="241" />
        <source>Change status…</source>
        <translation>更改状态……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="242" />
        <source>Change priority…</source>
        <translation>更改优先级……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="243" />
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="244" />
        <source>Assign to…</source>
        <translation>分配给……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="245" />
        <source>Edit tags…</source>
        <translation>编辑标签……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="246" />
        <source>Transfer to department…</source>
        <translation>转交部门……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="249" />
        <source>Request refund or compensation…</source>
        <translation>申请退款或补偿……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="253" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="254" />
        <source>Show rejected changes</source>
        <translation>查看被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="255" />
        <source>Settings…</source>
        <translation>设置……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="256" />
        <source>Lock the console</source>
        <translation>锁定控制台</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="257" />
        <source>Sign out…</source>
        <translation>退出登录…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="263" />
        <source>Insert suggestion %1</source>
        <translation>插入推荐 %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291" />
        <source>Type a command…</source>
        <translation>输入命令……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="306" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="306" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="312" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="313" />
        <source>Phone, name, email, customer ID, ticket number or text</source>
        <translation>电话、姓名、邮箱、客户编号、工单号或文字</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="327" />
        <source>Open the selected ticket / insert the selected suggestion</source>
        <translation>打开所选工单 / 插入所选推荐</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="407" />
        <source>New P1 ticket assigned to you</source>
        <translation>有新的 P1 工单分配给您</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="408" />
        <source>Open the queue to respond within 5 minutes.</source>
        <translation>请打开队列，在 5 分钟内响应。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="444" />
        <source>This ticket is no longer available to you.</source>
        <translation>您已无权查看此工单。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="493" />
        <location filename="../../ui/mainwindow.py" line="547" />
        <source>Open a ticket first</source>
        <translation>请先打开一个工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="534" />
        <source>The template needs every value; nothing was inserted.</source>
        <translation>模板需要填写所有变量；未插入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="558" />
        <source>Type to filter…</source>
        <translation>输入以筛选……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="571" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="573" />
        <source>Status change queued</source>
        <translation>状态更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="579" />
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="581" />
        <source>Priority change queued</source>
        <translation>优先级更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="586" />
        <source>Assigned to you</source>
        <translation>已分配给您</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="597" />
        <source>Assign to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="599" />
        <source>Assignment queued</source>
        <translation>分配已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="611" />
        <source>Tag change queued</source>
        <translation>标签更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="624" />
        <source>Transfer queued</source>
        <translation>转交已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="635" />
        <source>Approval request queued for your team lead</source>
        <translation>审批申请已提交给组长（排队发送中）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="665" />
        <source>This computer's clock is off; SLA times use the server's clock.</source>
        <translation>本机时钟有偏差；SLA 时间以服务器时钟为准。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="680" />
        <source>Your sign-in has expired. Sign in again to send your queued work.</source>
        <translation>您的登录已过期。请重新登录，以发送排队中的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="701" />
        <source>Syncing…</source>
        <translation>同步中……</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/models/queue_model.py" line="85" />
        <source>Pri</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="86" />
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="87" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="88" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="89" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="90" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="105" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="126" />
        <source>First response due</source>
        <translation>首次响应截止</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="126" />
        <source>Resolution due</source>
        <translation>解决截止</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="128" />
        <source>Queue view</source>
        <translation>队列视图</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129" />
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129" />
        <source>My team</source>
        <translation>本组</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129" />
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="133" />
        <source>Filter: number, subject, customer, tag</source>
        <translation>筛选：编号、主题、客户、标签</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="134" />
        <source>Filter the queue</source>
        <translation>筛选队列</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="135" />
        <source>Priority filter</source>
        <translation>优先级筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="136" />
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="137" />
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/queue_panel.py" line="173" />
        <source>%n ticket(s)</source>
        <translation><numerusform>%n 个工单</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="175" />
        <source>%1 of %2 tickets</source>
        <translation>%1 / %2 个工单</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="66" />
        <location filename="../../ui/widgets/status_indicator.py" line="74" />
        <source>Rejected changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="67" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="79" />
        <source>The server refused these changes. Retry sends one again; Discard drops it and its local effect.</source>
        <translation>服务器拒绝了这些更改。“重试”将重新发送；“放弃”将删除该更改及其本地效果。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="83" />
        <source>Nothing was rejected.</source>
        <translation>没有被拒绝的更改。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="86" />
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="87" />
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="174" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="177" />
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="184" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="185" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="186" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="193" />
        <source>Set by your organisation's policy</source>
        <translation>由贵单位策略设定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="194" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="195" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="197" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="198" />
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="199" />
        <source>A new language applies at once.</source>
        <translation>新的语言立即生效。</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="37" />
        <source>Suggested articles and scripts</source>
        <translation>推荐的知识文章和话术</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="38" />
        <source>Suggestions</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="39" />
        <source>Enter or Ctrl+1–5 inserts into the reply</source>
        <translation>按 Enter 或 Ctrl+1–5 插入回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="50" />
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="50" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/widgets/signin.py" line="52" />
        <source>Sign in to AgentDesk</source>
        <translation>登录 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="56" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="59" />
        <source>Set by your organisation's policy</source>
        <translation>由贵单位策略设定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="61" />
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="64" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="68" />
        <source>Sign-in problem</source>
        <translation>登录问题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="72" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="76" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="77" />
        <source>&amp;Login:</source>
        <translation>账号(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="78" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="93" />
        <source>Enter the server address, starting with https://</source>
        <translation>请输入以 https:// 开头的服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="96" />
        <source>Enter your login and password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="98" />
        <source>Signing in…</source>
        <translation>正在登录……</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="172" />
        <location filename="../../ui/widgets/lock_screen.py" line="197" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="175" />
        <source>Signing out deletes this computer's copy of your tickets, customers and drafts. The server keeps everything that was synced.</source>
        <translation>退出登录会删除本机上的工单、客户和草稿副本。已同步的内容仍保存在服务器上。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="178" />
        <source>Wait for sync, then sign out</source>
        <translation>等待同步完成后退出</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="188" />
        <source>Waiting for sync. Changes not yet on the server: %1</source>
        <translation>正在等待同步。尚未同步到服务器的更改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="190" />
        <source>Changes not yet on the server: %1. They are lost if you sign out now.</source>
        <translation>尚未同步到服务器的更改：%1 项。现在退出登录将丢失这些更改。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="197" />
        <source>Sign out anyway</source>
        <translation>仍然退出登录</translation>
    </message>
</context>
<context>
    <name>StaffingView</name>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="54" />
        <source>History (days)</source>
        <translation>历史天数</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="55" />
        <source>Handle time</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="56" />
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="57" />
        <source>answered within</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="61" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="64" />
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="85" />
        <source>Today's staffing (UTC hours)</source>
        <translation>今日排班需求（UTC 时）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="86" />
        <source>Forecast tickets per hour</source>
        <translation>预测每小时工单量</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="87" />
        <source>Agents needed (Erlang C)</source>
        <translation>所需坐席数（Erlang C）</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="93" />
        <source>Peak: %1 agents at %2:00 for %3 tickets/hour.</source>
        <translation>高峰：%2:00 需要 %1 名坐席，预计每小时 %3 个工单。</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="32" />
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="39" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="40" />
        <source>Syncing…</source>
        <translation>同步中……</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="41" />
        <source>Offline — working locally</source>
        <translation>离线 — 本地工作中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="42" />
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="49" />
        <source>%n pending</source>
        <translation><numerusform>%n 项待发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="51" />
        <source>%n rejected</source>
        <translation><numerusform>%n 项被拒绝</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="55" />
        <source>Click to see changes the server rejected</source>
        <translation>点击查看被服务器拒绝的更改</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="73" />
        <source>AgentDesk — supervisor</source>
        <translation>AgentDesk 主管面板</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="75" />
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="76" />
        <location filename="../../ui/supervisor/panel.py" line="89" />
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="77" />
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="78" />
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="79" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="80" />
        <source>Staffing</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="115" />
        <source>The gateway refused: %1</source>
        <translation>网关拒绝了请求：%1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="119" />
        <source>The gateway did not answer (%1).</source>
        <translation>网关无响应（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="121" />
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="172" />
        <source>%1 applied, %2 refused</source>
        <translation>已执行 %1 个，被拒绝 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/hook.py" line="19" />
        <source>Supervisor panel</source>
        <translation>主管面板</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="117" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="120" />
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="122" />
        <source>&amp;Tags (comma separated):</source>
        <translation>标签(&amp;T)（逗号分隔）：</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="37" />
        <source>Transfer to department</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="39" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="42" />
        <source> (responsible for this issue type)</source>
        <translation>（该问题类型的责任部门）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="45" />
        <source>Handoff note</source>
        <translation>交接说明</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="47" />
        <source>What the next team needs to know (the conversation goes along)</source>
        <translation>下一个团队需要了解的信息（会话记录会一并转交）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="50" />
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="51" />
        <source>Handoff &amp;note:</source>
        <translation>交接说明(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="138" />
        <source>Fill in the template</source>
        <translation>填写模板</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="141" />
        <source>These values are not known from the ticket:</source>
        <translation>以下信息无法从工单中获取：</translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="22" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="23" />
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="24" />
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="25" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="26" />
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="27" />
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="28" />
        <source>Chat</source>
        <translation>在线聊天</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="41" />
        <source>The server's security certificate could not be verified. Check the server address (https://…) or ask IT to install the company certificate.</source>
        <translation>无法验证服务器的安全证书。请检查服务器地址（https://…），或请 IT 安装公司证书。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43" />
        <source>The login or password is wrong, or your sign-in has expired. Sign in again.</source>
        <translation>账号或密码错误，或登录已过期。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45" />
        <source>The server cannot be reached. Check the address and your network; your work is kept and sent when the connection is back.</source>
        <translation>无法连接服务器。请检查地址和网络；您的操作已保存，连接恢复后会自动发送。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47" />
        <source>The server refused the request (%1). Check what you entered and try again.</source>
        <translation>服务器拒绝了请求（%1）。请检查输入后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50" />
        <source>The local data is in use by another AgentDesk window. Close the other window and start again.</source>
        <translation>本地数据正被另一个 AgentDesk 窗口使用。请关闭另一个窗口后重新启动。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52" />
        <source>The local data is damaged. Run 'agentdesk doctor' and restore the latest backup; the server still has everything that was synced.</source>
        <translation>本地数据已损坏。请运行“agentdesk doctor”并恢复最近的备份；已同步的内容在服务器上仍完整保存。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55" />
        <source>Your change could not be saved on this computer (disk full or read-only). Free some space; nothing you typed was lost.</source>
        <translation>无法在本机保存您的更改（磁盘已满或只读）。请释放空间；您输入的内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57" />
        <source>No secure credential store is available, so your sign-in cannot be remembered. You will be asked again next time.</source>
        <translation>没有可用的安全凭据存储，无法记住登录状态。下次启动时需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59" />
        <source>This is not allowed: %1</source>
        <translation>不允许此操作：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61" />
        <source>The template cannot be used: %1</source>
        <translation>无法使用该模板：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63" />
        <source>Please check the value: %1</source>
        <translation>请检查输入值：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65" />
        <source>Something went wrong (%1). Your text is kept; try again, and if it persists, send the log to IT.</source>
        <translation>出现错误（%1）。您的文字已保留；请重试，如仍有问题请将日志发送给 IT。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70" />
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../ui/models/queue_model.py" line="147" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="148" />
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="149" />
        <source>Pending</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="150" />
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="151" />
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="152" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>tag</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="148" />
        <source>High-value enterprise</source>
        <translation>高价值企业</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="149" />
        <source>Price-sensitive</source>
        <translation>价格敏感</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="150" />
        <source>Frequent complainer</source>
        <translation>频繁投诉</translation>
    </message>
</context>
<context>
    <name>tier</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="159" />
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="160" />
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="161" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
</context>
</TS>