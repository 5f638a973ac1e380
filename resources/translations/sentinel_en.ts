<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Platform rule: talk to the buyer before you reject. The buyer may apply again or ask the platform to step in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking no.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruling*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund amount (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair cost (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of the goods sent to the buyer (counts as a cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods sent, value (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money paid to the buyer on top of (or instead of) a refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New due time*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed with the buyer: follow up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have told the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It happened earlier, at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who pays the freight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new due time must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the buyer first (platform rule), then tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos or other evidence of what came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ruling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjustmentsDialog</name>
    <message>
        <source>Holiday adjustments · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the platform announces that clocks run differently for a while (Spring Festival, a logistics stop), enter it here with where it was announced. It applies to every open case of this platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extended by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the platform&apos;s notice title, or its rule-centre page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clocks are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced in*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. {0} open case(s) recounted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>No system tray: alerts are shown here only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unread alert (double-click it to open its case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unread alerts (double-click one to open its case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unread alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertCenter</name>
    <message>
        <source>Alerts are still snoozed until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts snoozed for {0} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertScheduler</name>
    <message>
        <source>{0} failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning the alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catching up on the deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly report export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Aftersales Sentinel is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts keep coming while the window is closed. Quit from this icon&apos;s menu or with File → Quit (Ctrl+Q).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program or script: shown in its folder, never opened from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AwaySummaryDialog</name>
    <message>
        <source>Aftersales Sentinel · while you were away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row to open its case. These alerts also stay in the main window&apos;s alert bar until they are marked read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Got it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Sentinel backup (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error ({0}: {1}); the details are in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace no current database with the backup {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current data ({0} cases) with the backup {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup holds {0} cases, last changed {1} (Beijing time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made after it will not be in the restored data; the current file is kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was made by an older version and will be upgraded when opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was saved as
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data was restored from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous data is kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupControl</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the database now (the app keeps running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up… {0}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Bulk action on {0} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have told each buyer (platform rule before rejecting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each case is handled on its own; the ones that cannot take this action are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in the reason or note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the buyers first (platform rule), then tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackWidget</name>
    <message>
        <source>What the buyer said (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called back {0}{1}: {2}{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the buyer back by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callback due for this outcome; you can still record one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>Reply copied: paste it into the chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to me (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to a colleague (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned: anyone may take it (Ctrl+Shift+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who you are in the status bar first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the shop&apos;s handlers in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who works these cases from now on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who works this case from now on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: see the error message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the existing case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the case {0} with its timeline and attachments? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these {0} cases ({1}) with their timelines and attachments? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} done, {1} not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Close the detail panel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute alerts for this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tray messages or banner alerts for this case; its deadlines still count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show phone and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback (回访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies (templates for this stage first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No platform clock runs in this stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. Then the {1}&apos;s clock starts; at zero: {2} → {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: {0}. {1}&apos;s clock; at zero the platform will: {2} → {3}. Due {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform deadline (from its export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our preset said {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform rule: {0} · confidence {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded in this rule set (unverified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified preset — check your platform&apos;s rule centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule set version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details (for support): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s clock: {1} → {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In stage since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reship tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalised (late shipment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide phone and address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Needs me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the cases assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new after-sales case (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply one action to every selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the first after-sales case, import the export of a platform&apos;s after-sales list (.xlsx or .csv), or drop that file on this window. Every platform clock then counts down here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case… (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an export… (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading all cases…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <source>Columns: change what any column feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases not yet refunded, completed or closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant deadlines in 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant-side clocks that run out within the next 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocks past their due time, not yet applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-actions against us this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform auto-approvals, auto-refunds and penalties on merchant clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds granted on cases refunded this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlers this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by reason (this month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New and closed cases per day (last 30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDirPage</name>
    <message>
        <source>Where to keep your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases, backups and attachments stay on this computer, in one folder. Back it up with the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen on the command line (--data-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the full path of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder already holds data from Aftersales Sentinel: it will be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new database will be created here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DriftBanner</name>
    <message>
        <source>Use {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a new preset version with this duration (new cases only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <source>Edit case {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order amount (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund requested (¥)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage, type and reason change only through actions, so the clocks stay right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order no.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error occurred; your data was not changed by it. The app keeps running. Please send the details below with a short note of what you were doing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Unexpected error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An after-sales list downloaded from a platform back end or an ERP (.xlsx, .xls or .csv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop of this file&apos;s rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import after-sales export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search after-sales no., order no., buyer, product, tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All shops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every case again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>agreed to follow up by {0}: kept (done {1}{2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: not kept (done late, {1}{2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: not kept yet (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpsWidget</name>
    <message>
        <source>Nothing agreed yet. A note can carry “follow up by”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark it done: kept if before its time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Not an amount: {0} (write e.g. 99.00)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>overdue {0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue {0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue {0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue {0} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}d {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1}&apos;s clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · unverified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Aftersales Sentinel: guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Get the cases in.&lt;/b&gt; File → New case (Ctrl+N) for one case; File → Import (Ctrl+I) for a platform&apos;s after-sales export (.xlsx or .csv) — or drop the file on the window. Importing the same export again only updates what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch the clocks.&lt;/b&gt; Every case shows how long is left before the platform acts on its own (approves, refunds, closes). The list opens on the soonest deadline; red rows are the urgent ones. The tab 待我处理 lists what waits for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Act.&lt;/b&gt; Double-click a case (or press Enter) to open it on the right, then press the button of what happened: approve, reject, buyer shipped… The clocks change with the stage. After an action the next case is selected, so you can work down the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts.&lt;/b&gt; Before a merchant clock runs out (24 h, 6 h, 1 h, 15 min by default) an alert appears in the strip above the list and from the tray icon. Closing the window keeps the alerts coming; quit with File → Quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules.&lt;/b&gt; The Rules screen shows each platform&apos;s clocks and where they come from. When a platform changes a rule, change the duration there (e.g. 72小时, 3天, 2个工作日).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reports and backups.&lt;/b&gt; Reports exports an Excel workbook for the accountant. A backup is made every day in the data folder; File → Back up now makes one at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlerChoice</name>
    <message>
        <source>Who is working: every step you record carries this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every step you record carries this name (change it in the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlersEditor</name>
    <message>
        <source>Name, e.g. 小王</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step records who did it; the dashboard counts per handler. Once there is a list, only these names are taken (also by the command line&apos;s --handler).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New imported cases go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import assigns each shop&apos;s new cases to its handler; the others stay unassigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlersTableModel</name>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response (median, working h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform auto-actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All handlers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidayCalendarDialog</name>
    <message>
        <source>Holiday calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocks counted in working days (e.g. 2 working days) skip these holidays and count these make-up working weekends. Check each year against the State Council&apos;s notice; for a year not known yet, type it in from the notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g.
2027-02-06~2027-02-12
2027-04-05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g.
2027-02-13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove my entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a calendar file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days off (holidays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekend days worked (调休)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the State Council&apos;s schedule (checked, cannot be edited here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the schedule you entered. Working-day clocks count with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: not known yet. Working-day clocks count Monday to Friday, less 1 Jan, 1 May and 1–3 Oct, and are marked as estimates. Type the year&apos;s days off and make-up working days from the State Council&apos;s notice, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. {0} open case(s) recounted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an after-sales export (.xlsx, .xls or .csv); or drop it on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported cases: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status in file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import after-sales export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>&amp;Export list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the cases as listed now (tab, filters, order) to Excel or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases listed: nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {0} cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cases written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Aftersales Sentinel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing time (UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are Beijing time (UTC+8), as on the platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide and shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Aftersales Sentinel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when the app is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Aftersales Sentinel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Aftersales Sentinel {0}&lt;/h3&gt;&lt;p&gt;Every after-sales case in one local database, a live countdown for every platform clock, and a warning before the platform acts on its own.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No merchant deadline pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next merchant deadline: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · ours: {0} {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply &amp;templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthlyExport</name>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported last month&apos;s after-sales report: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New after-sales case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods were shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales no.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order no.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund requested (¥)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the new shop&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after-sales no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderCountModel</name>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderCountsDialog</name>
    <message>
        <source>Paid orders per shop and month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates such as the refund rate divide by the paid orders of every shop and month in the report period; a missing month shows “n/a” in the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shops yet: add a case with a shop, or import an export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {0}, {1}: {2:,} paid orders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>Welcome to Aftersales Sentinel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It counts down every platform clock on your after-sales cases and warns you before the platform acts on its own. Three questions and you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Where do you sell?&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your shop names&lt;/b&gt; (optional; several: separate with commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Xiaomei Home, Xiaomei Home Outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule presets of these platforms come first when you add or import cases. You can change this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Quit for now” closes the app without saving anything; this welcome opens again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written until you import. Rows with errors are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding (CSV):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map what the preset does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping and preview again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0}… {1} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (guessed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}{2}, header on row {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New {0} · update {1} · unchanged {2} · errors {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing required columns: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(leave unmapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepliesWidget</name>
    <message>
        <source>Copy reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the filled text to the clipboard, to paste into the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not for this case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not filled: {0} — fill it in before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include buyer contact details (phone, address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter paid orders per shop and month (the rates divide by them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts after it ends: set “From” on or before “To”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aftersales-report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path} ({cases} cases).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <source>Case types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On lapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source not recorded (unverified): check your platform&apos;s rule centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not shipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Reset to built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a duration to change it. Changes apply to new cases; open cases keep the rules they were opened under. Check rows marked C against your platform&apos;s rule centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China&apos;s holidays and make-up working days that working-day clocks count with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday adjustments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dated changes this platform announced (e.g. Spring Festival): clocks extended or paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your copy: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your copy could not be read; the built-in preset is in force: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details (for support): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {0} is now {1}. New cases use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget your changes to the {0} preset and use the built-in one for new cases?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in preset is in force again for new cases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show imported cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} unchanged; {3} rows with errors were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceTargetsEditor</name>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours (Beijing time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow China&apos;s holidays and make-up working days (调休)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our own days off, e.g. 2027-01-04, 2027-01-05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First response within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count working hours only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund after the return arrived within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback (回访) after a case ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> working days after it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For cases that ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date: {0} (write it as 2027-01-04)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each working day must close later than it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one working day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* takes effect after the app is started again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. {0}: takes effect when the app is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can add cases by hand or import your platform&apos;s after-sales export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: I will add or import my own cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With demo cases: 60 made-up cases on every platform, to see countdowns and alerts at work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo shops are called 暖暖…; delete their cases when you are done, or start again with an empty data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder already holds data: demo cases are not mixed into it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {0} (demo, removed on exit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <source>Database check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup of {0} (Beijing time)? Changes made after it are not in it. The current file is kept beside it, renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a new, empty database instead? The backups stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. The app will close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed: {0}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data was restored from {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged file is kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund after the return arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback (回访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our target · {0}: met ({1}, by {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our target · {0}: missed (by {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our target · {0}: overdue (by {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our target · {0}: {1} left (by {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our target · {0}: {1} working time left (by {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused outside working hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Reply templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields filled from the case: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For stages (none: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For reasons (none: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For platforms (none: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where buyers send returns: name, phone, address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return address {退货地址}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import reply templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} added, {1} already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reply templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} template(s) written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Aftersales Sentinel · due within 24 h: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue, not handled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No running deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…{0} in all: click to see them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our own deadlines ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume alerts (snoozed until {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze alerts for {0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze alerts for {0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Aftersales Sentinel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpcomingTableModel</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Kuaishou</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taobao/Tmall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xiaohongshu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistics problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason (7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting buyer&apos;s return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting merchant receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting merchant shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting buyer receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform intervening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty (late shipment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer shipped return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer confirmed receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform ruling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer re-applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the buyer to ship the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the return to be signed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (official or two sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (one source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C (unverified)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>Aftersales Sentinel: first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes Aftersales Sentinel without saving anything; this welcome opens again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the data folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set up the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Choose another folder and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Please enter the amount.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
