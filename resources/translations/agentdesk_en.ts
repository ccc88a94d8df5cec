<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="65"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="66"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="57"/>
        <source>Complaint rate up against the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="58"/>
        <source>Average first response today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="59"/>
        <source>P1 about to breach its SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="60"/>
        <source>Waiting tickets over capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="67"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="68"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="69"/>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="70"/>
        <source>Acknowledged by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="73"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="78"/>
        <source>RED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="78"/>
        <source>YELLOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="96"/>
        <source>%1 red, %2 yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="105"/>
        <source>%1 overdue by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="106"/>
        <source>%1 due in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="109"/>
        <source>%1 (limit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="115"/>
        <source>+%1 % (%2 % against %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="122"/>
        <source>%1 waiting, capacity %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="61"/>
        <source>Request refund or compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="63"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="64"/>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="65"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="69"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="71"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="79"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="80"/>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="82"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="90"/>
        <source>Your team lead approves up to %1 in one step; above that it is escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="92"/>
        <source>Above the one-step limit of %1: the request will be escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="97"/>
        <source>The amount must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="101"/>
        <source>Please give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="299"/>
        <source>any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="300"/>
        <source>Approval decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="301"/>
        <source>Approval requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="302"/>
        <source>Reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="303"/>
        <source>Bulk assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="304"/>
        <source>Bulk tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="305"/>
        <source>Bulk priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="306"/>
        <source>Bulk close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="307"/>
        <source>Alert acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="308"/>
        <source>Personal data revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="309"/>
        <source>Personal data refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="310"/>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="311"/>
        <source>Customer updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="312"/>
        <source>Personal data erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="313"/>
        <source>Upstream sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="322"/>
        <source>who (agent id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="323"/>
        <source>ticket / approval id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="324"/>
        <source>since (2026-11-01T00:00:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="325"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="329"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="330"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="331"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="332"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="333"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="334"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146"/>
        <source>Open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="146"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152"/>
        <source>away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="152"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="156"/>
        <location filename="../../ui/widgets/dialogs.py" line="158"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/widgets/composer.py" line="74"/>
        <source>&amp;Reply to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="75"/>
        <source>Internal &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="76"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="78"/>
        <source>Type your reply… Ctrl+Enter sends, Ctrl+1–5 inserts a suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="81"/>
        <location filename="../../ui/widgets/composer.py" line="109"/>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="80"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="81"/>
        <location filename="../../ui/widgets/composer.py" line="109"/>
        <source>Add internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="88"/>
        <source>Draft restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="89"/>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="90"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="91"/>
        <source>Nothing to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/composer.py" line="92"/>
        <source>Queued for sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="41"/>
        <source>No ticket open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="33"/>
        <source>Ticket summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="34"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="50"/>
        <source>not yet synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="52"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="53"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="53"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="54"/>
        <source>: </source>
        <comment>between a label and its value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="73"/>
        <source>Internal note — not visible to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="76"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="78"/>
        <source>Public reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/conversation.py" line="85"/>
        <source>No messages yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="62"/>
        <source>Open a ticket or search (Ctrl+E) to see a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="56"/>
        <source>Customer summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="57"/>
        <source>Open tickets of this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="58"/>
        <source>Interaction timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="63"/>
        <source>Open tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="59"/>
        <source>Timeline (all channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/customer_panel.py" line="66"/>
        <location filename="../../ui/widgets/customer_panel.py" line="83"/>
        <source>Open tickets (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="99"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="103"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="105"/>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="110"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="114"/>
        <source>: </source>
        <comment>between a label and its value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="116"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="116"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="128"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="128"/>
        <source>Churn risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="129"/>
        <source>Complaints (90 days)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="88"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="223"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="89"/>
        <source>Avg first response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="90"/>
        <source>Avg resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="91"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="273"/>
        <source>CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="92"/>
        <source>First-contact resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="93"/>
        <source>P1 answered ≤ 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="94"/>
        <source>SLA attained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="95"/>
        <source>Complaint rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="96"/>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="100"/>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="101"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="162"/>
        <source>Double-click a row to drill down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="104"/>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="105"/>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="106"/>
        <source>Priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="107"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="160"/>
        <source>Select tickets (Ctrl/Shift+click) for bulk actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="178"/>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="150"/>
        <source>My teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="150"/>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="184"/>
        <source>%1 by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="191"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="192"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="198"/>
        <source>(unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="197"/>
        <source>Agents of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="204"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="208"/>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="224"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="225"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="272"/>
        <source>First resp. (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="226"/>
        <source>Resolution (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="227"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="258"/>
        <source>CSAT %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="228"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="259"/>
        <source>FCR %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="229"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="260"/>
        <source>SLA %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="230"/>
        <source>Complaints %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="266"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="267"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="268"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="269"/>
        <location filename="../../ui/supervisor/dashboard_view.py" line="314"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="270"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="271"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="303"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="303"/>
        <source>Agent id to assign to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="308"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="308"/>
        <source>Tag to add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="314"/>
        <source>New priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="321"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/dashboard_view.py" line="322"/>
        <source>Why (kept in the audit log) — %1 tickets:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="199"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="200"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="201"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="202"/>
        <location filename="../../ui/supervisor/lists.py" line="253"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="203"/>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="204"/>
        <source>Within your limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="207"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="208"/>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="209"/>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="214"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="214"/>
        <source>no — escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="215"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="215"/>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="243"/>
        <source>Above your one-step limit (refund 5,000 / compensation 2,000): escalate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/lists.py" line="253"/>
        <source>Why (kept in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="50"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="50"/>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/tiles.py" line="56"/>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../ui/lock.py" line="263"/>
        <source>The server cannot be reached, and this computer has no record to check your password against. Connect to the network to unlock, or sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="270"/>
        <source>The password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="102"/>
        <source>AgentDesk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="103"/>
        <source>Enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="104"/>
        <location filename="../../ui/widgets/lock_screen.py" line="105"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="106"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="107"/>
        <source>Unlock problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="108"/>
        <source>Sign &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="109"/>
        <source>Your queued work keeps syncing while the console is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="114"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="123"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="130"/>
        <source>Too many wrong passwords. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="191"/>
        <source>AgentDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="192"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="193"/>
        <source>F1 shortcuts · Ctrl+K commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="224"/>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="225"/>
        <source>Search customers and tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="226"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="227"/>
        <source>Queue: my tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="228"/>
        <source>Queue: my team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="229"/>
        <source>Queue: all open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="230"/>
        <source>Go to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="231"/>
        <source>Filter the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="234"/>
        <source>Go to the customer timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238"/>
        <source>Write a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="239"/>
        <source>Write an internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="240"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="241"/>
        <source>Change status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="242"/>
        <source>Change priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="243"/>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="244"/>
        <source>Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="245"/>
        <source>Edit tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="246"/>
        <source>Transfer to department…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="249"/>
        <source>Request refund or compensation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="253"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="254"/>
        <source>Show rejected changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="255"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="256"/>
        <source>Lock the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="257"/>
        <source>Sign out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="263"/>
        <source>Insert suggestion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>Type a command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="306"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="306"/>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="312"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="313"/>
        <source>Phone, name, email, customer ID, ticket number or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="327"/>
        <source>Open the selected ticket / insert the selected suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="407"/>
        <source>New P1 ticket assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="408"/>
        <source>Open the queue to respond within 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="444"/>
        <source>This ticket is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="493"/>
        <location filename="../../ui/mainwindow.py" line="547"/>
        <source>Open a ticket first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="534"/>
        <source>The template needs every value; nothing was inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="558"/>
        <source>Type to filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="571"/>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="573"/>
        <source>Status change queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="579"/>
        <source>Set priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="581"/>
        <source>Priority change queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="586"/>
        <source>Assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="597"/>
        <source>Assign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="599"/>
        <source>Assignment queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="611"/>
        <source>Tag change queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="624"/>
        <source>Transfer queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="635"/>
        <source>Approval request queued for your team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="665"/>
        <source>This computer&apos;s clock is off; SLA times use the server&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="680"/>
        <source>Your sign-in has expired. Sign in again to send your queued work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="701"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/models/queue_model.py" line="85"/>
        <source>Pri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="86"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="87"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="88"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="89"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="90"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="105"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="126"/>
        <source>First response due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="126"/>
        <source>Resolution due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="128"/>
        <source>Queue view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129"/>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129"/>
        <source>My team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="129"/>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="133"/>
        <source>Filter: number, subject, customer, tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="134"/>
        <source>Filter the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="135"/>
        <source>Priority filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="136"/>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="137"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/queue_panel.py" line="173"/>
        <source>%n ticket(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_panel.py" line="175"/>
        <source>%1 of %2 tickets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="66"/>
        <location filename="../../ui/widgets/status_indicator.py" line="74"/>
        <source>Rejected changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="67"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="79"/>
        <source>The server refused these changes. Retry sends one again; Discard drops it and its local effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="83"/>
        <source>Nothing was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="86"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="87"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="174"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="177"/>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="184"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="185"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="186"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="193"/>
        <source>Set by your organisation&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="194"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="195"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="197"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="198"/>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="199"/>
        <source>A new language applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="37"/>
        <source>Suggested articles and scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="38"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="39"/>
        <source>Enter or Ctrl+1–5 inserts into the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="50"/>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/side_panel.py" line="50"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/widgets/signin.py" line="52"/>
        <source>Sign in to AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="56"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="59"/>
        <source>Set by your organisation&apos;s policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="61"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="64"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="68"/>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="72"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="76"/>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="77"/>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="78"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="93"/>
        <source>Enter the server address, starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="96"/>
        <source>Enter your login and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signin.py" line="98"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="172"/>
        <location filename="../../ui/widgets/lock_screen.py" line="197"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="175"/>
        <source>Signing out deletes this computer&apos;s copy of your tickets, customers and drafts. The server keeps everything that was synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="178"/>
        <source>Wait for sync, then sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="188"/>
        <source>Waiting for sync. Changes not yet on the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="190"/>
        <source>Changes not yet on the server: %1. They are lost if you sign out now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/lock_screen.py" line="197"/>
        <source>Sign out anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffingView</name>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="54"/>
        <source>History (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="55"/>
        <source>Handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="56"/>
        <source>Service level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="57"/>
        <source>answered within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="61"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="64"/>
        <source>Recompute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="85"/>
        <source>Today&apos;s staffing (UTC hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="86"/>
        <source>Forecast tickets per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="87"/>
        <source>Agents needed (Erlang C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/staffing_view.py" line="93"/>
        <source>Peak: %1 agents at %2:00 for %3 tickets/hour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="32"/>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="39"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="40"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="41"/>
        <source>Offline — working locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="42"/>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="49"/>
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status_indicator.py" line="51"/>
        <source>%n rejected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_indicator.py" line="55"/>
        <source>Click to see changes the server rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="73"/>
        <source>AgentDesk — supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="75"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="76"/>
        <location filename="../../ui/supervisor/panel.py" line="89"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="77"/>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="78"/>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="79"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="80"/>
        <source>Staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="115"/>
        <source>The gateway refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="119"/>
        <source>The gateway did not answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="121"/>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/panel.py" line="172"/>
        <source>%1 applied, %2 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/hook.py" line="19"/>
        <source>Supervisor panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="117"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="120"/>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="122"/>
        <source>&amp;Tags (comma separated):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="37"/>
        <source>Transfer to department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="39"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="42"/>
        <source> (responsible for this issue type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="45"/>
        <source>Handoff note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="47"/>
        <source>What the next team needs to know (the conversation goes along)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="50"/>
        <source>&amp;Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="51"/>
        <source>Handoff &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="138"/>
        <source>Fill in the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dialogs.py" line="141"/>
        <source>These values are not known from the ticket:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="22"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="23"/>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="24"/>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="25"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="26"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="27"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timeline_model.py" line="28"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>The server&apos;s security certificate could not be verified. Check the server address (https://…) or ask IT to install the company certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>The login or password is wrong, or your sign-in has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The server cannot be reached. Check the address and your network; your work is kept and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>The server refused the request (%1). Check what you entered and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>The local data is in use by another AgentDesk window. Close the other window and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>The local data is damaged. Run &apos;agentdesk doctor&apos; and restore the latest backup; the server still has everything that was synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>Your change could not be saved on this computer (disk full or read-only). Free some space; nothing you typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57"/>
        <source>No secure credential store is available, so your sign-in cannot be remembered. You will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>This is not allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>The template cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>Please check the value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>Something went wrong (%1). Your text is kept; try again, and if it persists, send the log to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../ui/models/queue_model.py" line="147"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="148"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="149"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="150"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="151"/>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/queue_model.py" line="152"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tag</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="148"/>
        <source>High-value enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="149"/>
        <source>Price-sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="150"/>
        <source>Frequent complainer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tier</name>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="159"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="160"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_panel.py" line="161"/>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
