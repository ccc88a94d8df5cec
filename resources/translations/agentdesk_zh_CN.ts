<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../ui/supervisor/hook.py" line="21" />
        <source>SupervisorPanel</source>
        <comment>Supervisor panel</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="48" />
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="49" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="40" />
        <source>Complaint rate up against the last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="41" />
        <source>Average first response today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="42" />
        <source>P1 about to breach its SLA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="43" />
        <source>Waiting tickets over capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="50" />
        <source>Alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="51" />
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="52" />
        <source>Raised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="53" />
        <source>Acknowledged by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="63" />
        <source>Acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="69" />
        <source>RED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="69" />
        <source>YELLOW</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="87" />
        <source>%1 red, %2 yellow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="96" />
        <source>%1 overdue by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="97" />
        <source>%1 due in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="100" />
        <source>%1 (limit %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="106" />
        <source>+%1 % (%2 % against %3 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="113" />
        <source>%1 waiting, capacity %2</source>
        <translation type="unfinished" />
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
        <location filename="../../ui/supervisor/lists.py" line="245" />
        <source>any action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="256" />
        <source>who (agent id)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="258" />
        <source>ticket / approval id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="260" />
        <source>since (2026-11-01T00:00:00Z)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="261" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="268" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="269" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="270" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="271" />
        <source>On</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="272" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="273" />
        <source>Detail</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="131" />
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="131" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="131" />
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="131" />
        <source>Last seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="136" />
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="136" />
        <source>away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="136" />
        <source>offline</source>
        <translation type="unfinished" />
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
        <location filename="../../ui/widgets/composer.py" line="32" />
        <source>&amp;Reply to customer</source>
        <translation>回复客户(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="33" />
        <source>Internal &amp;note</source>
        <translation>内部备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="41" />
        <source>Message text</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="43" />
        <source>Type your reply… Ctrl+Enter sends, Ctrl+1–5 inserts a suggestion</source>
        <translation>输入回复…… Ctrl+Enter 发送，Ctrl+1–5 插入推荐内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="50" />
        <location filename="../../ui/widgets/composer.py" line="83" />
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="52" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="83" />
        <source>Add internal note</source>
        <translation>添加内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="115" />
        <source>Draft restored</source>
        <translation>已恢复草稿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="119" />
        <source>Editing…</source>
        <translation>编辑中……</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="136" />
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="146" />
        <source>Nothing to send</source>
        <translation>没有可发送的内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="156" />
        <source>Queued for sending</source>
        <translation>已加入发送队列</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="16" />
        <source>No ticket open</source>
        <translation>未打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="20" />
        <source>Ticket summary</source>
        <translation>工单概要</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="24" />
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="35" />
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="37" />
        <source>nobody</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="38" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="38" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="57" />
        <source>Internal note — not visible to the customer</source>
        <translation>内部备注 — 客户不可见</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="60" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="62" />
        <source>Public reply</source>
        <translation>公开回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="69" />
        <source>No messages yet.</source>
        <translation>暂无消息。</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="21" />
        <source>Open a ticket or search (Ctrl+E) to see a customer.</source>
        <translation>打开工单或搜索（Ctrl+E）以查看客户。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="25" />
        <source>Customer summary</source>
        <translation>客户概要</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="29" />
        <source>Open tickets of this customer</source>
        <translation>该客户的未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="40" />
        <source>Interaction timeline</source>
        <translation>互动时间线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="45" />
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="49" />
        <source>Timeline (all channels)</source>
        <translation>时间线（全渠道）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/customer_panel.py" line="64" />
        <source>Open tickets (%n)</source>
        <translation><numerusform>未结工单（%n）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="80" />
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="84" />
        <source>Verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="86" />
        <source>Not verified</source>
        <translation>未认证</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="91" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="91" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="91" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="96" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="96" />
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="108" />
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="108" />
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="109" />
        <source>Complaints (90 days)</source>
        <translation>投诉（近 90 天）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="37" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="204" />
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="38" />
        <source>Avg first response</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="39" />
        <source>Avg resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="40" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="254" />
        <source>CSAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="41" />
        <source>First-contact resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="42" />
        <source>P1 answered ≤ 5 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="43" />
        <source>SLA attained</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="44" />
        <source>Complaint rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="45" />
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="49" />
        <source>◀ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="55" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="56" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="57" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="82" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="146" />
        <source>Double-click a row to drill down.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="87" />
        <source>Assign…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="88" />
        <source>Tag…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="89" />
        <source>Priority…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="90" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="144" />
        <source>Select tickets (Ctrl/Shift+click) for bulk actions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="158" />
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="134" />
        <source>My teams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="164" />
        <source>%1 by channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="171" />
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="172" />
        <source>(unassigned)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="178" />
        <source>Agents of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="185" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="189" />
        <source>Teams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="205" />
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="206" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="253" />
        <source>First resp. (min)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="207" />
        <source>Resolution (h)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="208" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="239" />
        <source>CSAT %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="209" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="240" />
        <source>FCR %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="210" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="241" />
        <source>SLA %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="211" />
        <source>Complaints %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="247" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="248" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="249" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="250" />
        <location filename="../../ui/supervisor/dashboard_view.py" line="295" />
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="251" />
        <source>Channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="252" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="284" />
        <source>Assign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="284" />
        <source>Agent id to assign to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="289" />
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="289" />
        <source>Tag to add:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="295" />
        <source>New priority:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="302" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="303" />
        <source>Why (kept in the audit log) — %1 tickets:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="163" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="164" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="165" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="166" />
        <location filename="../../ui/supervisor/lists.py" line="228" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="167" />
        <source>Requested by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="168" />
        <source>Within your limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="177" />
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="179" />
        <source>Reject…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="181" />
        <source>Escalate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="190" />
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="190" />
        <source>no — escalate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="218" />
        <source>Above your one-step limit (refund 5,000 / compensation 2,000): escalate it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="228" />
        <source>Why (kept in the audit log):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="45" />
        <source>target %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="69" />
        <source>AgentDesk — %1</source>
        <translation>AgentDesk 客服工作台 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="131" />
        <source>Signed in as %1</source>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="137" />
        <source>F1 shortcuts · Ctrl+K commands</source>
        <translation>F1 快捷键 · Ctrl+K 命令</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="178" />
        <location filename="../../ui/mainwindow.py" line="243" />
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="179" />
        <source>Search customers and tickets</source>
        <translation>搜索客户和工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="180" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="181" />
        <source>Queue: my tickets</source>
        <translation>队列：我的工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="182" />
        <source>Queue: my team</source>
        <translation>队列：本组</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="183" />
        <source>Queue: all open</source>
        <translation>队列：全部未结</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="184" />
        <source>Go to the queue</source>
        <translation>转到队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="185" />
        <source>Filter the queue</source>
        <translation>筛选队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="188" />
        <source>Go to the customer timeline</source>
        <translation>转到客户时间线</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="192" />
        <source>Write a reply</source>
        <translation>撰写回复</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="193" />
        <source>Write an internal note</source>
        <translation>撰写内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="194" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="195" />
        <source>Change status…</source>
        <translation>更改状态……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="196" />
        <source>Change priority…</source>
        <translation>更改优先级……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="197" />
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="198" />
        <source>Assign to…</source>
        <translation>分配给……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="199" />
        <source>Edit tags…</source>
        <translation>编辑标签……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="200" />
        <source>Transfer to department…</source>
        <translation>转交部门……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="203" />
        <source>Request refund or compensation…</source>
        <translation>申请退款或补偿……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="207" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="208" />
        <source>Show rejected changes</source>
        <translation>查看被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="209" />
        <source>Settings…</source>
        <translation>设置……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="215" />
        <source>Insert suggestion %1</source>
        <translation>插入推荐 %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="243" />
        <source>Type a command…</source>
        <translation>输入命令……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="258" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="258" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="264" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="265" />
        <source>Phone, name, email, customer ID, ticket number or text</source>
        <translation>电话、姓名、邮箱、客户编号、工单号或文字</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279" />
        <source>Open the selected ticket / insert the selected suggestion</source>
        <translation>打开所选工单 / 插入所选推荐</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="335" />
        <source>New P1 ticket assigned to you</source>
        <translation>有新的 P1 工单分配给您</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="336" />
        <source>Open the queue to respond within 5 minutes.</source>
        <translation>请打开队列，在 5 分钟内响应。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="369" />
        <source>This ticket is no longer available to you.</source>
        <translation>您已无权查看此工单。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="418" />
        <location filename="../../ui/mainwindow.py" line="472" />
        <source>Open a ticket first</source>
        <translation>请先打开一个工单</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="459" />
        <source>The template needs every value; nothing was inserted.</source>
        <translation>模板需要填写所有变量；未插入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="483" />
        <source>Type to filter…</source>
        <translation>输入以筛选……</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="496" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="498" />
        <source>Status change queued</source>
        <translation>状态更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="504" />
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="506" />
        <source>Priority change queued</source>
        <translation>优先级更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="511" />
        <source>Assigned to you</source>
        <translation>已分配给您</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="522" />
        <source>Assign to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="524" />
        <source>Assignment queued</source>
        <translation>分配已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="536" />
        <source>Tag change queued</source>
        <translation>标签更改已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="549" />
        <source>Transfer queued</source>
        <translation>转交已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="560" />
        <source>Approval request queued for your team lead</source>
        <translation>审批申请已提交给组长（排队发送中）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="590" />
        <source>This computer's clock is off; SLA times use the server's clock.</source>
        <translation>本机时钟有偏差；SLA 时间以服务器时钟为准。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="605" />
        <source>Your sign-in has expired. Sign in again to send your queued work.</source>
        <translation>您的登录已过期。请重新登录，以发送排队中的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="624" />
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
        <location filename="../../ui/widgets/queue_panel.py" line="73" />
        <source>Queue view</source>
        <translation>队列视图</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="74" />
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="74" />
        <source>My team</source>
        <translation>本组</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="74" />
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="80" />
        <source>Filter: number, subject, customer, tag</source>
        <translation>筛选：编号、主题、客户、标签</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="81" />
        <source>Filter the queue</source>
        <translation>筛选队列</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="84" />
        <source>Priority filter</source>
        <translation>优先级筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="85" />
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="95" />
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/queue_panel.py" line="160" />
        <source>%n ticket(s)</source>
        <translation><numerusform>%n 个工单</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="162" />
        <source>%1 of %2 tickets</source>
        <translation>%1 / %2 个工单</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="62" />
        <location filename="../../ui/widgets/status_indicator.py" line="70" />
        <source>Rejected changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="63" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="75" />
        <source>The server refused these changes. Retry sends one again; Discard drops it and its local effect.</source>
        <translation>服务器拒绝了这些更改。“重试”将重新发送；“放弃”将删除该更改及其本地效果。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="79" />
        <source>Nothing was rejected.</source>
        <translation>没有被拒绝的更改。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="82" />
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="83" />
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
        <source>A new language applies to windows opened from now on.</source>
        <translation>新的语言将在之后打开的窗口中生效。</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="21" />
        <source>Suggested articles and scripts</source>
        <translation>推荐的知识文章和话术</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="23" />
        <source>Suggestions</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="25" />
        <source>Enter or Ctrl+1–5 inserts into the reply</source>
        <translation>按 Enter 或 Ctrl+1–5 插入回复</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="39" />
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="39" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/widgets/signin.py" line="51" />
        <source>Sign in to AgentDesk</source>
        <translation>登录 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="55" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="58" />
        <source>Set by your organisation's policy</source>
        <translation>由贵单位策略设定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="60" />
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="63" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="67" />
        <source>Sign-in problem</source>
        <translation>登录问题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="71" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="75" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="76" />
        <source>&amp;Login:</source>
        <translation>账号(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="77" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="92" />
        <source>Enter the server address, starting with https://</source>
        <translation>请输入以 https:// 开头的服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="95" />
        <source>Enter your login and password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="97" />
        <source>Signing in…</source>
        <translation>正在登录……</translation>
    </message>
</context>
<context>
    <name>StaffingView</name>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="35" />
        <source>History (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="36" />
        <source>Handle time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="37" />
        <source>Service level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="38" />
        <source>answered within</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="42" />
        <source>Recompute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="68" />
        <source>Today's staffing (UTC hours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="69" />
        <source>Forecast tickets per hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="70" />
        <source>Agents needed (Erlang C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="76" />
        <source>Peak: %1 agents at %2:00 for %3 tickets/hour.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="27" />
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="35" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="36" />
        <source>Syncing…</source>
        <translation>同步中……</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="37" />
        <source>Offline — working locally</source>
        <translation>离线 — 本地工作中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="38" />
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="45" />
        <source>%n pending</source>
        <translation><numerusform>%n 项待发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="47" />
        <source>%n rejected</source>
        <translation><numerusform>%n 项被拒绝</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="51" />
        <source>Click to see changes the server rejected</source>
        <translation>点击查看被服务器拒绝的更改</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="38" />
        <source>AgentDesk — supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="48" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="49" />
        <location filename="../../ui/supervisor/panel.py" line="115" />
        <source>Alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="50" />
        <source>Agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="51" />
        <source>Approvals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="52" />
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="53" />
        <source>Staffing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="86" />
        <source>The gateway refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="88" />
        <source>The gateway did not answer: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="90" />
        <source>Something went wrong: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="142" />
        <source>%1 applied, %2 refused</source>
        <translation type="unfinished" />
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
        <location filename="../../ui/widgets/customer_panel.py" line="128" />
        <source>High-value enterprise</source>
        <translation>高价值企业</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="129" />
        <source>Price-sensitive</source>
        <translation>价格敏感</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="130" />
        <source>Frequent complainer</source>
        <translation>频繁投诉</translation>
    </message>
</context>
<context>
    <name>tier</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="139" />
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="140" />
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="141" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
</context>
</TS>