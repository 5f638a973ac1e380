<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Platform rule: talk to the buyer before you reject. The buyer may apply again or ask the platform to step in.</source>
        <translation>平台规则：拒绝前须先与买家协商沟通。买家可再次申请或申请平台介入。</translation>
    </message>
    <message>
        <source>Tracking no.*</source>
        <translation>运单号*</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Freight (¥)</source>
        <translation>运费（¥）</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Freight paid by</source>
        <translation>运费承担方</translation>
    </message>
    <message>
        <source>Ruling*</source>
        <translation>判定结果*</translation>
    </message>
    <message>
        <source>Refund amount (¥)</source>
        <translation>退款金额（¥）</translation>
    </message>
    <message>
        <source>Money paid to the buyer on top of (or instead of) a refund</source>
        <translation>退款之外（或代替退款）付给买家的钱</translation>
    </message>
    <message>
        <source>Repair cost (¥)</source>
        <translation>维修费用（¥）</translation>
    </message>
    <message>
        <source>Value of the goods sent to the buyer (counts as a cost)</source>
        <translation>发给买家的商品货值（计入售后成本）</translation>
    </message>
    <message>
        <source>Goods sent, value (¥)</source>
        <translation>发出货值（¥）</translation>
    </message>
    <message>
        <source>Compensation (¥)</source>
        <translation>赔付（¥）</translation>
    </message>
    <message>
        <source>New due time*</source>
        <translation>新的截止时间*</translation>
    </message>
    <message>
        <source>Whose clock</source>
        <translation>谁的期限</translation>
    </message>
    <message>
        <source>Reason*</source>
        <translation>原因*</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note*</source>
        <translation>备注*</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Agreed with the buyer: follow up by</source>
        <translation>已与买家约定，跟进时间</translation>
    </message>
    <message>
        <source>I have told the buyer</source>
        <translation>我已告知买家</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Evidence files*</source>
        <translation>凭证文件*</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>It happened earlier, at</source>
        <translation>发生时间更早，为</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Say who pays the freight.</source>
        <translation>请选择运费由谁承担。</translation>
    </message>
    <message>
        <source>The new due time must be in the future.</source>
        <translation>新的截止时间必须晚于现在。</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <source>Tell the buyer first (platform rule), then tick the box.</source>
        <translation>请先告知买家（平台规则），再勾选此项。</translation>
    </message>
    <message>
        <source>Add photos or other evidence of what came back.</source>
        <translation>请添加退回商品的照片或其他凭证。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>ruling</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <source>new due time</source>
        <translation>新的截止时间</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AdjustmentsDialog</name>
    <message>
        <source>Holiday adjustments · {0}</source>
        <translation>平台节假日调整 · {0}</translation>
    </message>
    <message>
        <source>When the platform announces that clocks run differently for a while (Spring Festival, a logistics stop), enter it here with where it was announced. It applies to every open case of this platform.</source>
        <translation>平台公告一段时间内的时限另行计算（如春节、物流停运）时，请在此录入并注明公告出处。调整对本平台所有处理中的售后单生效。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>every clock</source>
        <translation>所有时限</translation>
    </message>
    <message>
        <source>any stage</source>
        <translation>任意阶段</translation>
    </message>
    <message>
        <source>extended by</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. the platform&apos;s notice title, or its rule-centre page</source>
        <translation>例如平台公告标题，或规则中心页面</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Days (Beijing time)</source>
        <translation>日期（北京时间）</translation>
    </message>
    <message>
        <source>Which clocks</source>
        <translation>哪些时限</translation>
    </message>
    <message>
        <source>The clocks are</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Announced in*</source>
        <translation>公告出处*</translation>
    </message>
    <message>
        <source>Saved. {0} open case(s) recounted.</source>
        <translation>已保存，{0} 个进行中的售后单已重新计时。</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>No system tray: alerts are shown here only.</source>
        <translation>系统托盘不可用：提醒只显示在这里。</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>全部已读</translation>
    </message>
    <message>
        <source>1 unread alert (double-click it to open its case)</source>
        <translation>1 条未读提醒（双击查看售后单）</translation>
    </message>
    <message>
        <source>{0} unread alerts (double-click one to open its case)</source>
        <translation>{0} 条未读提醒（双击查看售后单）</translation>
    </message>
    <message>
        <source>No unread alerts</source>
        <translation>没有未读提醒</translation>
    </message>
</context>
<context>
    <name>AlertCenter</name>
    <message>
        <source>Alerts are still snoozed until {0}</source>
        <translation>提醒仍暂停至 {0}</translation>
    </message>
    <message>
        <source>Alerts snoozed for {0} min</source>
        <translation>提醒已暂停 {0} 分钟</translation>
    </message>
</context>
<context>
    <name>AlertScheduler</name>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0}失败：{1}</translation>
    </message>
    <message>
        <source>Planning the alerts</source>
        <translation>安排提醒</translation>
    </message>
    <message>
        <source>Checking the deadlines</source>
        <translation>检查期限</translation>
    </message>
    <message>
        <source>Catching up on the deadlines</source>
        <translation>补查离开期间的期限</translation>
    </message>
    <message>
        <source>The daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>The monthly report export</source>
        <translation>每月报表导出</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Aftersales Sentinel is still running</source>
        <translation>售后哨兵仍在运行</translation>
    </message>
    <message>
        <source>Alerts keep coming while the window is closed. Quit from this icon&apos;s menu or with File → Quit (Ctrl+Q).</source>
        <translation>关闭窗口后提醒照常弹出。要退出，请用此图标的菜单或“文件 → 退出”(Ctrl+Q)。</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>或将文件拖放到此处</translation>
    </message>
    <message>
        <source>A program or script: shown in its folder, never opened from here.</source>
        <translation>程序或脚本：只在所在文件夹中显示，不会从这里打开。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
</context>
<context>
    <name>AwaySummaryDialog</name>
    <message>
        <source>Aftersales Sentinel · while you were away</source>
        <translation>售后哨兵 · 离开期间</translation>
    </message>
    <message>
        <source>Double-click a row to open its case. These alerts also stay in the main window&apos;s alert bar until they are marked read.</source>
        <translation>双击一行打开售后单。这些提醒也保留在主窗口的提醒栏里，直到标为已读。</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Sentinel backup (*.db);;All files (*)</source>
        <translation>售后哨兵备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>unexpected error ({0}: {1}); the details are in the log</source>
        <translation>意外错误（{0}：{1}），详细情况已写入日志</translation>
    </message>
    <message>
        <source>Replace no current database with the backup {0}?</source>
        <translation>现在没有数据库。要用备份 {0} 恢复吗？</translation>
    </message>
    <message>
        <source>Replace the current data ({0} cases) with the backup {1}?</source>
        <translation>要用备份 {1} 替换现在的数据（{0} 个售后单）吗？</translation>
    </message>
    <message>
        <source>The backup holds {0} cases, last changed {1} (Beijing time).</source>
        <translation>这个备份有 {0} 个售后单，最后修改于 {1}（北京时间）。</translation>
    </message>
    <message>
        <source>Changes made after it will not be in the restored data; the current file is kept as {0}.</source>
        <translation>在它之后做的改动不会出现在恢复后的数据里；现在的文件会另存为 {0}。</translation>
    </message>
    <message>
        <source>It was made by an older version and will be upgraded when opened.</source>
        <translation>它由旧版本制作，打开时会自动升级。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backup done</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The backup was saved as
{0}</source>
        <translation>备份已保存为
{0}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>不能恢复</translation>
    </message>
    <message>
        <source>The data was restored from {0}.</source>
        <translation>数据已从 {0} 恢复。</translation>
    </message>
    <message>
        <source>The previous data is kept as {0}.</source>
        <translation>原来的数据另存为 {0}。</translation>
    </message>
    <message>
        <source>Restore done</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>BackupControl</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Copy the database now (the app keeps running)</source>
        <translation>现在复制一份数据库（应用照常运行）</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Backing up… {0}%</source>
        <translation>正在备份… {0}%</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Bulk action on {0} cases</source>
        <translation>批量处理 {0} 个售后单</translation>
    </message>
    <message>
        <source>I have told each buyer (platform rule before rejecting)</source>
        <translation>我已逐一告知买家（拒绝前的平台规则）</translation>
    </message>
    <message>
        <source>Each case is handled on its own; the ones that cannot take this action are listed.</source>
        <translation>每个售后单单独处理；无法执行此操作的会被列出。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>原因 / 备注</translation>
    </message>
    <message>
        <source>Please fill in the reason or note.</source>
        <translation>请填写原因或备注。</translation>
    </message>
    <message>
        <source>Tell the buyers first (platform rule), then tick the box.</source>
        <translation>请先告知买家（平台规则），再勾选此项。</translation>
    </message>
</context>
<context>
    <name>CallbackWidget</name>
    <message>
        <source>What the buyer said (optional)</source>
        <translation>买家的意见（可不填）</translation>
    </message>
    <message>
        <source>Called back {0}{1}: {2}{3}</source>
        <translation>已回访 {0}{1}：{2}{3}</translation>
    </message>
    <message>
        <source>Call the buyer back by {0}</source>
        <translation>请在 {0} 前回访买家</translation>
    </message>
    <message>
        <source>No callback due for this outcome; you can still record one.</source>
        <translation>这种结果不安排回访；如已回访，仍可记录。</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>Reply copied: paste it into the chat.</source>
        <translation>话术已复制：粘贴到聊天窗口即可。</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>认领(&amp;C)</translation>
    </message>
    <message>
        <source>Assign to me (Ctrl+M)</source>
        <translation>分派给我（Ctrl+M）</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>分派给…(&amp;A)</translation>
    </message>
    <message>
        <source>Assign to a colleague (Ctrl+Shift+M)</source>
        <translation>分派给同事（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>取消分派(&amp;R)</translation>
    </message>
    <message>
        <source>Unassigned: anyone may take it (Ctrl+Shift+U)</source>
        <translation>取消分派：任何人都可认领（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <source>Choose who you are in the status bar first.</source>
        <translation>请先在状态栏选择您是谁。</translation>
    </message>
    <message>
        <source>Add the shop&apos;s handlers in Settings first.</source>
        <translation>请先在“设置”中添加店铺的处理人。</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分派给</translation>
    </message>
    <message>
        <source>Who works these cases from now on?</source>
        <translation>这些案件今后由谁处理？</translation>
    </message>
    <message>
        <source>Who works this case from now on?</source>
        <translation>这个案件今后由谁处理？</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Not done: see the error message.</source>
        <translation>未完成：请看错误提示。</translation>
    </message>
    <message>
        <source>Open the existing case</source>
        <translation>打开已有的案件</translation>
    </message>
    <message>
        <source>Delete the case {0} with its timeline and attachments? This cannot be undone.</source>
        <translation>删除售后单 {0} 及其时间线和附件吗？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Delete these {0} cases ({1}) with their timelines and attachments? This cannot be undone.</source>
        <translation>删除这 {0} 个售后单（{1}）及其时间线和附件吗？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Delete cases</source>
        <translation>删除售后单</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>{0} done, {1} not done.</source>
        <translation>{0} 个已完成，{1} 个未完成。</translation>
    </message>
    <message>
        <source>Bulk action</source>
        <translation>批量处理</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Close the detail panel (Esc)</source>
        <translation>关闭详情面板（Esc）</translation>
    </message>
    <message>
        <source>Mute alerts for this case</source>
        <translation>此售后单静音（不再提醒）</translation>
    </message>
    <message>
        <source>No tray messages or banner alerts for this case; its deadlines still count.</source>
        <translation>此单不再弹出托盘消息和提醒栏提醒；期限照常计算。</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Show phone and address</source>
        <translation>显示电话和地址</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Agreed follow-ups</source>
        <translation>约定跟进</translation>
    </message>
    <message>
        <source>Callback (回访)</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Replies (templates for this stage first)</source>
        <translation>话术（本阶段适用的在前）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Assigned to: {0}</source>
        <translation>处理人：{0}</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分派</translation>
    </message>
    <message>
        <source>No platform clock runs in this stage.</source>
        <translation>此阶段没有平台倒计时。</translation>
    </message>
    <message>
        <source>{0}. Then the {1}&apos;s clock starts; at zero: {2} → {3}</source>
        <translation>{0}。之后开始{1}倒计时；超时后：{2} → {3}</translation>
    </message>
    <message>
        <source>Stage: {0}. {1}&apos;s clock; at zero the platform will: {2} → {3}. Due {4}</source>
        <translation>阶段：{0}。{1}期限；超时后平台将：{2} → {3}。截止 {4}</translation>
    </message>
    <message>
        <source>Platform deadline (from its export)</source>
        <translation>平台时限（来自平台导出）</translation>
    </message>
    <message>
        <source>our preset said {0}</source>
        <translation>预设为 {0}</translation>
    </message>
    <message>
        <source>Platform rule: {0} · confidence {1}</source>
        <translation>平台规则：{0} · 可信度 {1}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <source>not recorded in this rule set (unverified)</source>
        <translation>此规则集未注明来源（未核实）</translation>
    </message>
    <message>
        <source>Unverified preset — check your platform&apos;s rule centre.</source>
        <translation>未核实的预设——请在平台规则中心核对。</translation>
    </message>
    <message>
        <source>rule set version {0}</source>
        <translation>规则集版本 {0}</translation>
    </message>
    <message>
        <source>Details (for support): {0}</source>
        <translation>详情（供客服排查）：{0}</translation>
    </message>
    <message>
        <source>{0}&apos;s clock: {1} → {2}</source>
        <translation>{0}期限：{1} → {2}</translation>
    </message>
    <message>
        <source>Edit fields…</source>
        <translation>编辑信息…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation>买家描述</translation>
    </message>
    <message>
        <source>Goods shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>In stage since</source>
        <translation>进入阶段时间</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation>买家电话</translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation>买家地址</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>申请退款金额</translation>
    </message>
    <message>
        <source>Refund granted</source>
        <translation>实际退款金额</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation>退货运单号</translation>
    </message>
    <message>
        <source>Reship tracking no.</source>
        <translation>补发/换货运单号</translation>
    </message>
    <message>
        <source>Penalised (late shipment)</source>
        <translation>已判罚（延迟发货）</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <source>Hide phone and address</source>
        <translation>隐藏电话和地址</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>At zero</source>
        <translation>超时后果</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Our deadline</source>
        <translation>我方时限</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>约定跟进</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>收货后退款</translation>
    </message>
    <message>
        <source>Callback target</source>
        <translation>回访目标</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Needs me</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Waiting for buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Only the cases assigned to you</source>
        <translation>只看分派给您的案件</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建售后单…</translation>
    </message>
    <message>
        <source>Record a new after-sales case (Ctrl+N)</source>
        <translation>录入新的售后单（Ctrl+N）</translation>
    </message>
    <message>
        <source>Bulk action…</source>
        <translation>批量处理…</translation>
    </message>
    <message>
        <source>Apply one action to every selected case</source>
        <translation>对所有选中的售后单执行同一操作</translation>
    </message>
    <message>
        <source>No cases yet</source>
        <translation>还没有售后单</translation>
    </message>
    <message>
        <source>Record the first after-sales case, import the export of a platform&apos;s after-sales list (.xlsx or .csv), or drop that file on this window. Every platform clock then counts down here.</source>
        <translation>录入第一个售后单，或导入平台售后列表的导出文件（.xlsx 或 .csv），也可以把该文件直接拖到本窗口。之后每个平台时限都会在这里倒计时。</translation>
    </message>
    <message>
        <source>New case… (Ctrl+N)</source>
        <translation>新建售后单…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import an export… (Ctrl+I)</source>
        <translation>导入导出文件…（Ctrl+I）</translation>
    </message>
    <message>
        <source>Loading all cases…</source>
        <translation>正在加载全部售后单…</translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <source>Columns: change what any column feeds</source>
        <translation>列映射：可更改任意一列对应的字段</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Open cases</source>
        <translation>处理中的售后单</translation>
    </message>
    <message>
        <source>Cases not yet refunded, completed or closed</source>
        <translation>尚未退款、完成或关闭的售后单</translation>
    </message>
    <message>
        <source>Merchant deadlines in 24 h</source>
        <translation>24小时内商家到期</translation>
    </message>
    <message>
        <source>Merchant-side clocks that run out within the next 24 hours</source>
        <translation>未来24小时内到期的商家期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Clocks past their due time, not yet applied</source>
        <translation>已过截止时间、尚未执行的期限</translation>
    </message>
    <message>
        <source>Auto-actions against us this month</source>
        <translation>本月平台对我方自动处理</translation>
    </message>
    <message>
        <source>Platform auto-approvals, auto-refunds and penalties on merchant clocks</source>
        <translation>商家期限超时导致的平台自动同意、自动退款和判罚</translation>
    </message>
    <message>
        <source>Refunded this month</source>
        <translation>本月退款金额</translation>
    </message>
    <message>
        <source>Refunds granted on cases refunded this month</source>
        <translation>本月已退款售后单的退款金额</translation>
    </message>
    <message>
        <source>Next 24 hours</source>
        <translation>未来24小时</translation>
    </message>
    <message>
        <source>Handlers this month</source>
        <translation>本月处理人</translation>
    </message>
    <message>
        <source>Cases by reason (this month)</source>
        <translation>本月售后原因分布</translation>
    </message>
    <message>
        <source>New and closed cases per day (last 30 days)</source>
        <translation>近30天每日新增与结束</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>DataDirPage</name>
    <message>
        <source>Where to keep your data</source>
        <translation>数据保存在哪里</translation>
    </message>
    <message>
        <source>Cases, backups and attachments stay on this computer, in one folder. Back it up with the rest.</source>
        <translation>售后单、备份和附件都保存在本机的一个文件夹里，请连同其他资料一起备份。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation>默认位置：{0}</translation>
    </message>
    <message>
        <source>Chosen on the command line (--data-dir).</source>
        <translation>已由命令行参数 --data-dir 指定。</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Give the full path of the folder.</source>
        <translation>请填写文件夹的完整路径。</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>This folder already holds data from Aftersales Sentinel: it will be opened.</source>
        <translation>此文件夹已有售后哨兵的数据，将直接打开。</translation>
    </message>
    <message>
        <source>A new database will be created here.</source>
        <translation>将在此处新建数据库。</translation>
    </message>
</context>
<context>
    <name>DriftBanner</name>
    <message>
        <source>Use {0}</source>
        <translation>改为 {0}</translation>
    </message>
    <message>
        <source>Save a new preset version with this duration (new cases only)</source>
        <translation>以此时长保存为新的预设版本（只对新建的售后单生效）</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <source>Edit case {0}</source>
        <translation>编辑售后单 {0}</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Order no.*</source>
        <translation>订单号*</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation>买家电话</translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation>买家地址</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation>买家描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Order amount (¥)</source>
        <translation>订单金额（¥）</translation>
    </message>
    <message>
        <source>Refund requested (¥)*</source>
        <translation>申请退款金额（¥）*</translation>
    </message>
    <message>
        <source>Stage, type and reason change only through actions, so the clocks stay right.</source>
        <translation>阶段、类型和原因只能通过操作改变，以保证倒计时正确。</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <source>order no.</source>
        <translation>订单号</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>An unexpected error occurred; your data was not changed by it. The app keeps running. Please send the details below with a short note of what you were doing.</source>
        <translation>发生了意外错误，您的数据没有因此改动，应用会继续运行。请把下面的详细信息发给我们，并简单说明当时在做什么。</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the export file</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <source>An after-sales list downloaded from a platform back end or an ERP (.xlsx, .xls or .csv).</source>
        <translation>从平台后台或 ERP 下载的售后单列表（.xlsx、.xls 或 .csv）。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Shop of this file&apos;s rows:</source>
        <translation>此文件各行所属店铺：</translation>
    </message>
    <message>
        <source>(choose a shop)</source>
        <translation>（请选择店铺）</translation>
    </message>
    <message>
        <source>Import after-sales export</source>
        <translation>导入售后单</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search after-sales no., order no., buyer, product, tracking no.</source>
        <translation>搜索售后单号、订单号、买家、商品、运单号</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Show every case again</source>
        <translation>重新显示全部售后单</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>清除所有筛选条件</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>agreed to follow up by {0}: kept (done {1}{2})</source>
        <translation>约定 {0} 前跟进：已按时完成（{1}{2}）</translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: not kept (done late, {1}{2})</source>
        <translation>约定 {0} 前跟进：未按时（逾期完成，{1}{2}）</translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: not kept yet (overdue)</source>
        <translation>约定 {0} 前跟进：已超时未完成</translation>
    </message>
    <message>
        <source>agreed to follow up by {0}: open</source>
        <translation>约定 {0} 前跟进：进行中</translation>
    </message>
</context>
<context>
    <name>FollowUpsWidget</name>
    <message>
        <source>Nothing agreed yet. A note can carry “follow up by”.</source>
        <translation>还没有约定。添加备注时可以填写“跟进时间”。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Mark it done: kept if before its time</source>
        <translation>标记为已完成：在约定时间前完成即算守约</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Not an amount: {0} (write e.g. 99.00)</source>
        <translation>金额格式不正确：{0}（例如 99.00）</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>overdue {0} s</source>
        <translation>已超时 {0}秒</translation>
    </message>
    <message>
        <source>overdue {0} min</source>
        <translation>已超时 {0}分钟</translation>
    </message>
    <message>
        <source>overdue {0} h</source>
        <translation>已超时 {0}小时</translation>
    </message>
    <message>
        <source>overdue {0} d</source>
        <translation>已超时 {0}天</translation>
    </message>
    <message>
        <source>{0}d {1}</source>
        <translation>{0}天 {1}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>{0} ({1}&apos;s clock)</source>
        <translation>{0}（{1}期限）</translation>
    </message>
    <message>
        <source>{0} · unverified</source>
        <translation>{0} · 未核实</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Aftersales Sentinel: guide</source>
        <translation>售后哨兵 · 使用指南</translation>
    </message>
    <message>
        <source>&lt;b&gt;Get the cases in.&lt;/b&gt; File → New case (Ctrl+N) for one case; File → Import (Ctrl+I) for a platform&apos;s after-sales export (.xlsx or .csv) — or drop the file on the window. Importing the same export again only updates what changed.</source>
        <translation>&lt;b&gt;录入售后单。&lt;/b&gt;单个售后单：文件 → 新建售后单（Ctrl+N）；平台导出的售后列表（.xlsx 或 .csv）：文件 → 导入（Ctrl+I），或直接把文件拖到窗口上。同一份导出再导入一次，只会更新有变化的内容。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch the clocks.&lt;/b&gt; Every case shows how long is left before the platform acts on its own (approves, refunds, closes). The list opens on the soonest deadline; red rows are the urgent ones. The tab 待我处理 lists what waits for you.</source>
        <translation>&lt;b&gt;盯住时限。&lt;/b&gt;每个售后单都显示平台自动处理（自动同意、自动退款、自动关闭）前还剩多久。列表按最近的期限排序，红色行最紧急。“待我处理”标签页列出等你处理的售后单。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Act.&lt;/b&gt; Double-click a case (or press Enter) to open it on the right, then press the button of what happened: approve, reject, buyer shipped… The clocks change with the stage. After an action the next case is selected, so you can work down the list.</source>
        <translation>&lt;b&gt;处理。&lt;/b&gt;双击售后单（或按 Enter）在右侧打开，再按发生了什么点对应按钮：同意、拒绝、买家已寄回……时限随阶段变化。处理完后会自动选中下一个售后单，可以顺着列表一路处理。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts.&lt;/b&gt; Before a merchant clock runs out (24 h, 6 h, 1 h, 15 min by default) an alert appears in the strip above the list and from the tray icon. Closing the window keeps the alerts coming; quit with File → Quit.</source>
        <translation>&lt;b&gt;提醒。&lt;/b&gt;商家时限到期前（默认提前 24小时、6小时、1小时、15分钟），列表上方的提醒栏和托盘图标都会提醒。关闭窗口后提醒照常弹出；要退出请用“文件 → 退出”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules.&lt;/b&gt; The Rules screen shows each platform&apos;s clocks and where they come from. When a platform changes a rule, change the duration there (e.g. 72小时, 3天, 2个工作日).</source>
        <translation>&lt;b&gt;规则。&lt;/b&gt;“规则”页列出各平台的时限及其出处。平台调整规则时，在那里修改时长即可（如 72小时、3天、2个工作日）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reports and backups.&lt;/b&gt; Reports exports an Excel workbook for the accountant. A backup is made every day in the data folder; File → Back up now makes one at once.</source>
        <translation>&lt;b&gt;报表与备份。&lt;/b&gt;“报表”页导出给会计的 Excel 工作簿。每天会在数据文件夹里自动备份；“文件 → 立即备份”可马上备份一次。</translation>
    </message>
</context>
<context>
    <name>HandlerChoice</name>
    <message>
        <source>Who is working: every step you record carries this name</source>
        <translation>当前处理人：您记录的每一步都会带上这个名字</translation>
    </message>
    <message>
        <source>Handler:</source>
        <translation>处理人：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>现在是谁在值班？</translation>
    </message>
    <message>
        <source>Every step you record carries this name (change it in the status bar).</source>
        <translation>您记录的每一步都会带上这个名字（可在状态栏更换）。</translation>
    </message>
</context>
<context>
    <name>HandlersEditor</name>
    <message>
        <source>Name, e.g. 小王</source>
        <translation>名字，如 小王</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Each step records who did it; the dashboard counts per handler. Once there is a list, only these names are taken (also by the command line&apos;s --handler).</source>
        <translation>每一步都会记录是谁做的，看板按处理人统计。有了名单后，只接受名单上的名字（命令行的 --handler 也一样）。</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>New imported cases go to</source>
        <translation>导入的新案件分派给</translation>
    </message>
    <message>
        <source>An import assigns each shop&apos;s new cases to its handler; the others stay unassigned.</source>
        <translation>导入时，各店铺的新案件分派给其指定的处理人；其他保持未分派。</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分派）</translation>
    </message>
</context>
<context>
    <name>HandlersTableModel</name>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>First response (median, working h)</source>
        <translation>首次响应中位数（工作小时）</translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation>目标达成</translation>
    </message>
    <message>
        <source>Platform auto-actions</source>
        <translation>平台自动处理</translation>
    </message>
    <message>
        <source>Callbacks satisfied</source>
        <translation>回访满意</translation>
    </message>
    <message>
        <source>All handlers</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未指定）</translation>
    </message>
</context>
<context>
    <name>HolidayCalendarDialog</name>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Clocks counted in working days (e.g. 2 working days) skip these holidays and count these make-up working weekends. Check each year against the State Council&apos;s notice; for a year not known yet, type it in from the notice.</source>
        <translation>按工作日计算的时限（如 2 个工作日）跳过这些假日，并计入这些调休上班的周末。请对照国务院每年的放假通知核对；尚未公布的年份，请按通知录入。</translation>
    </message>
    <message>
        <source>e.g.
2027-02-06~2027-02-12
2027-04-05</source>
        <translation>例如：
2027-02-06~2027-02-12
2027-04-05</translation>
    </message>
    <message>
        <source>e.g.
2027-02-13</source>
        <translation>例如：
2027-02-13</translation>
    </message>
    <message>
        <source>Save this year</source>
        <translation>保存本年</translation>
    </message>
    <message>
        <source>Remove my entry</source>
        <translation>删除我录入的安排</translation>
    </message>
    <message>
        <source>Import a calendar file…</source>
        <translation>导入日历文件…</translation>
    </message>
    <message>
        <source>Days off (holidays)</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <source>Weekend days worked (调休)</source>
        <translation>调休上班的周末</translation>
    </message>
    <message>
        <source>{0}: the State Council&apos;s schedule (checked, cannot be edited here).</source>
        <translation>{0} 年：国务院节假日安排（已核实，此处不可修改）。</translation>
    </message>
    <message>
        <source>{0}: the schedule you entered. Working-day clocks count with it.</source>
        <translation>{0} 年：您录入的安排，工作日时限按此计算。</translation>
    </message>
    <message>
        <source>{0}: not known yet. Working-day clocks count Monday to Friday, less 1 Jan, 1 May and 1–3 Oct, and are marked as estimates. Type the year&apos;s days off and make-up working days from the State Council&apos;s notice, then save.</source>
        <translation>{0} 年：安排尚未公布。工作日时限暂按周一至周五（除 1 月 1 日、5 月 1 日、10 月 1–3 日）估算，并标为估算。请按国务院通知录入当年的放假日期和调休上班日期后保存。</translation>
    </message>
    <message>
        <source>Import a calendar file</source>
        <translation>导入日历文件</translation>
    </message>
    <message>
        <source>Calendar files (*.toml)</source>
        <translation>日历文件 (*.toml)</translation>
    </message>
    <message>
        <source>Saved. {0} open case(s) recounted.</source>
        <translation>已保存，{0} 个进行中的售后单已重新计时。</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import an after-sales export (.xlsx, .xls or .csv); or drop it on the window</source>
        <translation>导入平台导出的售后单（.xlsx、.xls 或 .csv）；也可直接拖到窗口上</translation>
    </message>
    <message>
        <source>Imported cases: {0}</source>
        <translation>本次导入的售后单：{0} 个</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Status in file</source>
        <translation>文件中的状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import after-sales export</source>
        <translation>导入售后单</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>&amp;Export list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the cases as listed now (tab, filters, order) to Excel or CSV</source>
        <translation>把当前列表（标签、筛选、排序）写入 Excel 或 CSV</translation>
    </message>
    <message>
        <source>No cases listed: nothing to export.</source>
        <translation>列表为空：没有可导出的售后单。</translation>
    </message>
    <message>
        <source>Exporting {0} cases…</source>
        <translation>正在导出 {0} 个售后单…</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>{0} cases written to {1}</source>
        <translation>已导出 {0} 个售后单到 {1}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Aftersales Sentinel</source>
        <translation>售后哨兵</translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation>数据目录：{0}</translation>
    </message>
    <message>
        <source>Beijing time (UTC+8)</source>
        <translation>北京时间（UTC+8）</translation>
    </message>
    <message>
        <source>Times are Beijing time (UTC+8), as on the platforms</source>
        <translation>时间均为北京时间（UTC+8），与平台一致</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建售后单(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>售后单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Edit fields…</source>
        <translation>编辑信息(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Bulk action…</source>
        <translation>批量处理(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide and shortcuts</source>
        <translation>使用指南和快捷键(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About Aftersales Sentinel</source>
        <translation>关于售后哨兵(&amp;A)</translation>
    </message>
    <message>
        <source>The language changes when the app is started again.</source>
        <translation>语言将在重新启动应用后生效。</translation>
    </message>
    <message>
        <source>About Aftersales Sentinel</source>
        <translation>关于售后哨兵</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Aftersales Sentinel {0}&lt;/h3&gt;&lt;p&gt;Every after-sales case in one local database, a live countdown for every platform clock, and a warning before the platform acts on its own.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;售后哨兵 {0}&lt;/h3&gt;&lt;p&gt;所有售后单保存在本地数据库中，每个平台期限都有实时倒计时，并在平台自动处理之前提醒您。&lt;/p&gt;&lt;p&gt;数据目录：{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No merchant deadline pending</source>
        <translation>没有待处理的商家期限</translation>
    </message>
    <message>
        <source>Next merchant deadline: {0} ({1})</source>
        <translation>下一个商家期限：{0}（{1}）</translation>
    </message>
    <message>
        <source> · ours: {0} {1} ({2})</source>
        <translation> · 我方：{0} {1}（{2}）</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>平台规则</translation>
    </message>
    <message>
        <source>Reply &amp;templates…</source>
        <translation>话术库(&amp;T)…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>MonthlyExport</name>
    <message>
        <source>Monthly report</source>
        <translation>每月报表</translation>
    </message>
    <message>
        <source>Exported last month&apos;s after-sales report: {0}</source>
        <translation>已导出上月售后报表: {0}</translation>
    </message>
    <message>
        <source>Monthly report export failed: {0}</source>
        <translation>每月报表导出失败: {0}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New after-sales case</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <source>Name of the new shop</source>
        <translation>新店铺的名称</translation>
    </message>
    <message>
        <source>The goods were shipped</source>
        <translation>商品已发货</translation>
    </message>
    <message>
        <source>Platform*</source>
        <translation>平台*</translation>
    </message>
    <message>
        <source>Type*</source>
        <translation>售后类型*</translation>
    </message>
    <message>
        <source>Reason*</source>
        <translation>原因*</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>After-sales no.*</source>
        <translation>售后单号*</translation>
    </message>
    <message>
        <source>Order no.*</source>
        <translation>订单号*</translation>
    </message>
    <message>
        <source>Refund requested (¥)*</source>
        <translation>申请退款金额（¥）*</translation>
    </message>
    <message>
        <source>Requested at*</source>
        <translation>申请时间*</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Buyer phone</source>
        <translation>买家电话</translation>
    </message>
    <message>
        <source>Buyer address</source>
        <translation>买家地址</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Buyer&apos;s words</source>
        <translation>买家描述</translation>
    </message>
    <message>
        <source>(no shop)</source>
        <translation>（不指定店铺）</translation>
    </message>
    <message>
        <source>New shop…</source>
        <translation>新建店铺…</translation>
    </message>
    <message>
        <source>Please enter the new shop&apos;s name.</source>
        <translation>请填写新店铺的名称。</translation>
    </message>
    <message>
        <source>after-sales no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <source>The request time is in the future.</source>
        <translation>申请时间晚于现在。</translation>
    </message>
</context>
<context>
    <name>OrderCountModel</name>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
</context>
<context>
    <name>OrderCountsDialog</name>
    <message>
        <source>Paid orders per shop and month</source>
        <translation>各店铺每月支付订单数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>支付订单数</translation>
    </message>
    <message>
        <source>Rates such as the refund rate divide by the paid orders of every shop and month in the report period; a missing month shows “n/a” in the report.</source>
        <translation>退款率等比率以报表期间内每个店铺每月的支付订单数为分母；缺少的月份在报表中显示“无法计算”。</translation>
    </message>
    <message>
        <source>No shops yet: add a case with a shop, or import an export.</source>
        <translation>还没有店铺：新建带店铺的售后单，或导入平台导出文件。</translation>
    </message>
    <message>
        <source>Saved: {0}, {1}: {2:,} paid orders.</source>
        <translation>已保存：{0}，{1}：{2:,} 笔支付订单。</translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>Welcome to Aftersales Sentinel</source>
        <translation>欢迎使用售后哨兵</translation>
    </message>
    <message>
        <source>It counts down every platform clock on your after-sales cases and warns you before the platform acts on its own. Three questions and you are ready.</source>
        <translation>它为每个售后单的平台时限倒计时，在平台自动处理之前提醒您。回答三个问题即可开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where do you sell?&lt;/b&gt;</source>
        <translation>&lt;b&gt;您在哪些平台开店？&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your shop names&lt;/b&gt; (optional; several: separate with commas)</source>
        <translation>&lt;b&gt;店铺名称&lt;/b&gt;（可不填；多个店铺用逗号分隔）</translation>
    </message>
    <message>
        <source>e.g. Xiaomei Home, Xiaomei Home Outlet</source>
        <translation>例如：小美家居旗舰店，小美家居二店</translation>
    </message>
    <message>
        <source>The rule presets of these platforms come first when you add or import cases. You can change this later in Settings.</source>
        <translation>新建或导入售后单时优先使用这些平台的规则预设。之后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>“Quit for now” closes the app without saving anything; this welcome opens again next time.</source>
        <translation>“暂不设置，退出”会关闭应用，不保存任何内容；下次启动时会再次显示本欢迎向导。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing is written until you import. Rows with errors are left out.</source>
        <translation>点“导入”之前不会写入任何数据。有错误的行不导入。</translation>
    </message>
    <message>
        <source>Guess from the file</source>
        <translation>根据文件识别</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Encoding (CSV):</source>
        <translation>编码（CSV）：</translation>
    </message>
    <message>
        <source>Map what the preset does not know</source>
        <translation>对应预设不认识的列和状态</translation>
    </message>
    <message>
        <source>Save mapping and preview again</source>
        <translation>保存对应关系并重新预览</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Reading {0}… {1} rows</source>
        <translation>正在读取 {0}… 已读 {1} 行</translation>
    </message>
    <message>
        <source>Checking the rows of {0}…</source>
        <translation>正在检查 {0} 的每一行…</translation>
    </message>
    <message>
        <source>Cannot import: {0}</source>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <source> (guessed)</source>
        <translation>（自动识别）</translation>
    </message>
    <message>
        <source>{0}: {1}{2}, header on row {3}</source>
        <translation>{0}：{1}{2}，表头在第 {3} 行</translation>
    </message>
    <message>
        <source>New {0} · update {1} · unchanged {2} · errors {3}</source>
        <translation>新增 {0} · 更新 {1} · 无变化 {2} · 错误 {3}</translation>
    </message>
    <message>
        <source>Encoding: {0}</source>
        <translation>编码：{0}</translation>
    </message>
    <message>
        <source>Missing required columns: {0}</source>
        <translation>缺少必需的列：{0}</translation>
    </message>
    <message>
        <source>Columns: {0}</source>
        <translation>列对应：{0}</translation>
    </message>
    <message>
        <source>(choose a column)</source>
        <translation>（选择一列）</translation>
    </message>
    <message>
        <source>(leave unmapped)</source>
        <translation>（不对应）</translation>
    </message>
    <message>
        <source>Status “{0}”</source>
        <translation>状态“{0}”</translation>
    </message>
</context>
<context>
    <name>RepliesWidget</name>
    <message>
        <source>Copy reply</source>
        <translation>复制话术</translation>
    </message>
    <message>
        <source>Copy the filled text to the clipboard, to paste into the chat</source>
        <translation>把填好的内容复制到剪贴板，粘贴到聊天窗口</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>话术库…</translation>
    </message>
    <message>
        <source>{0} (not for this case)</source>
        <translation>{0}（不适用本单）</translation>
    </message>
    <message>
        <source>Not filled: {0} — fill it in before sending</source>
        <translation>未填写：{0}——发送前请补上</translation>
    </message>
    <message>
        <source>Copied: {0}</source>
        <translation>已复制：{0}</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period (Beijing time)</source>
        <translation>统计期间（北京时间）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <source>Include buyer contact details (phone, address)</source>
        <translation>包含买家联系方式（电话、地址）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Paid orders…</source>
        <translation>支付订单数…</translation>
    </message>
    <message>
        <source>Enter paid orders per shop and month (the rates divide by them)</source>
        <translation>录入各店铺每月支付订单数（比率的分母）</translation>
    </message>
    <message>
        <source>The period starts after it ends: set “From” on or before “To”.</source>
        <translation>开始日期晚于结束日期：请把“从”改为不晚于“至”的日期。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>aftersales-report</source>
        <translation>售后报表</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved {path} ({cases} cases).</source>
        <translation>已保存 {path}（{cases} 个售后单）。</translation>
    </message>
    <message>
        <source>Could not finish: {error}</source>
        <translation>未能完成：{error}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>{0} min</source>
        <translation>{0}分钟</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0}小时</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0}天</translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation>{0}个工作日</translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <source>Case types</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>处理方</translation>
    </message>
    <message>
        <source>Clock starts</source>
        <translation>计时起点</translation>
    </message>
    <message>
        <source>On lapse</source>
        <translation>超时后果</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Source not recorded (unverified): check your platform&apos;s rule centre</source>
        <translation>未注明来源（未核实）：请到平台规则中心核对</translation>
    </message>
    <message>
        <source>all types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>not shipped</source>
        <translation>未发货</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Reset to built-in</source>
        <translation>恢复内置规则</translation>
    </message>
    <message>
        <source>Double-click a duration to change it. Changes apply to new cases; open cases keep the rules they were opened under. Check rows marked C against your platform&apos;s rule centre.</source>
        <translation>双击时长即可修改。修改只对新建的售后单生效；处理中的售后单沿用创建时的规则。可信度为 C 的行请到平台规则中心核对。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>节假日安排…</translation>
    </message>
    <message>
        <source>China&apos;s holidays and make-up working days that working-day clocks count with</source>
        <translation>按工作日计算的时限所依据的法定节假日和调休安排</translation>
    </message>
    <message>
        <source>Holiday adjustments…</source>
        <translation>平台节假日调整…</translation>
    </message>
    <message>
        <source>Dated changes this platform announced (e.g. Spring Festival): clocks extended or paused</source>
        <translation>本平台公告的阶段性调整（如春节）：时限延长或暂停</translation>
    </message>
    <message>
        <source>built-in preset</source>
        <translation>内置预设</translation>
    </message>
    <message>
        <source>your copy: {0}</source>
        <translation>自定义副本：{0}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Your copy could not be read; the built-in preset is in force: {0}</source>
        <translation>无法读取自定义副本，正在使用内置预设：{0}</translation>
    </message>
    <message>
        <source>preset version {0}</source>
        <translation>预设版本 {0}</translation>
    </message>
    <message>
        <source>Details (for support): {0}</source>
        <translation>详情（供客服排查）：{0}</translation>
    </message>
    <message>
        <source>Saved: {0} is now {1}. New cases use it.</source>
        <translation>已保存：{0} 现为 {1}。新建的售后单将使用它。</translation>
    </message>
    <message>
        <source>Forget your changes to the {0} preset and use the built-in one for new cases?</source>
        <translation>放弃对{0}预设的修改，新建售后单改用内置规则？</translation>
    </message>
    <message>
        <source>The built-in preset is in force again for new cases.</source>
        <translation>新建售后单已恢复使用内置预设。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Show imported cases</source>
        <translation>查看导入的售后单</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} unchanged; {3} rows with errors were left out.</source>
        <translation>导入完成：新增 {0}，更新 {1}，无变化 {2}；{3} 行有错误，未导入。</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>没有导入任何数据：{0}</translation>
    </message>
</context>
<context>
    <name>ServiceTargetsEditor</name>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Working hours (Beijing time)</source>
        <translation>营业时间（北京时间）</translation>
    </message>
    <message>
        <source>Follow China&apos;s holidays and make-up working days (调休)</source>
        <translation>按国家法定节假日和调休安排</translation>
    </message>
    <message>
        <source>Our own days off, e.g. 2027-01-04, 2027-01-05</source>
        <translation>本店自己的休息日，如 2027-01-04, 2027-01-05</translation>
    </message>
    <message>
        <source>Our targets</source>
        <translation>我方服务目标</translation>
    </message>
    <message>
        <source> working hours</source>
        <translation> 个工作小时</translation>
    </message>
    <message>
        <source>First response within</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>count working hours only</source>
        <translation>只计营业时间</translation>
    </message>
    <message>
        <source>Refund after the return arrived within</source>
        <translation>退货签收后退款时限</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Callback within</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <source>Callback (回访) after a case ends</source>
        <translation>售后结束后的回访</translation>
    </message>
    <message>
        <source> working days after it ended</source>
        <translation> 个工作日后（自售后结束起）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>For cases that ended</source>
        <translation>适用的结束结果</translation>
    </message>
    <message>
        <source>Not a date: {0} (write it as 2027-01-04)</source>
        <translation>「{0}」不是日期（请写成 2027-01-04）</translation>
    </message>
    <message>
        <source>Each working day must close later than it opens.</source>
        <translation>每个营业日的结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <source>Tick at least one working day.</source>
        <translation>请至少勾选一个营业日。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation>数据与备份</translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Service targets</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <source>* takes effect after the app is started again</source>
        <translation>* 重新启动应用后生效</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>（不导出）</translation>
    </message>
    <message>
        <source>Saved. {0}: takes effect when the app is started again.</source>
        <translation>已保存。{0}：重新启动应用后生效。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>开机自动启动</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How do you want to start?</source>
        <translation>如何开始？</translation>
    </message>
    <message>
        <source>You can add cases by hand or import your platform&apos;s after-sales export.</source>
        <translation>可以手动新建售后单，也可以导入平台后台导出的售后列表。</translation>
    </message>
    <message>
        <source>Empty: I will add or import my own cases</source>
        <translation>从空白开始：我来新建或导入自己的售后单</translation>
    </message>
    <message>
        <source>With demo cases: 60 made-up cases on every platform, to see countdowns and alerts at work</source>
        <translation>载入演示数据：各平台共 60 个虚构售后单，先看看倒计时和提醒的效果</translation>
    </message>
    <message>
        <source>Demo shops are called 暖暖…; delete their cases when you are done, or start again with an empty data folder.</source>
        <translation>演示店铺名称以“暖暖”开头；熟悉后可删除这些售后单，或换一个空的数据文件夹重新开始。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>The folder already holds data: demo cases are not mixed into it.</source>
        <translation>该文件夹已有数据，不会混入演示数据。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Data: {0} (demo, removed on exit)</source>
        <translation>数据目录：{0}（演示数据，退出时删除）</translation>
    </message>
    <message>
        <source>Cannot open the data folder</source>
        <translation>无法打开数据目录</translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation>{0}。</translation>
    </message>
    <message>
        <source>Restore the backup of {0} (Beijing time)? Changes made after it are not in it. The current file is kept beside it, renamed.</source>
        <translation>要恢复北京时间 {0} 的备份吗？在它之后做的改动不在其中。现在的文件会改名后保留在旁边。</translation>
    </message>
    <message>
        <source>Start with a new, empty database instead? The backups stay where they are.</source>
        <translation>改用一个新的空数据库开始吗？备份都会原样保留。</translation>
    </message>
    <message>
        <source>Nothing was changed. The app will close.</source>
        <translation>什么都没有改动。应用将关闭。</translation>
    </message>
    <message>
        <source>The restore failed: {0}. Nothing was changed.</source>
        <translation>恢复失败：{0}。什么都没有改动。</translation>
    </message>
    <message>
        <source>The data was restored from {0}.</source>
        <translation>数据已从 {0} 恢复。</translation>
    </message>
    <message>
        <source>The damaged file is kept as {0}.</source>
        <translation>损坏的文件另存为 {0}。</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Refund after the return arrived</source>
        <translation>收货后退款</translation>
    </message>
    <message>
        <source>Callback (回访)</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Our target · {0}: met ({1}, by {2})</source>
        <translation>我方目标 · {0}：已达成（{1}，目标 {2} 前）</translation>
    </message>
    <message>
        <source>Our target · {0}: missed (by {1})</source>
        <translation>我方目标 · {0}：未达成（目标 {1} 前）</translation>
    </message>
    <message>
        <source>Our target · {0}: overdue (by {1})</source>
        <translation>我方目标 · {0}：已超时（目标 {1} 前）</translation>
    </message>
    <message>
        <source>Our target · {0}: {1} left (by {2})</source>
        <translation>我方目标 · {0}：剩余 {1}（{2} 前）</translation>
    </message>
    <message>
        <source>Our target · {0}: {1} working time left (by {2})</source>
        <translation>我方目标 · {0}：剩余工作时间 {1}（{2} 前）</translation>
    </message>
    <message>
        <source> · paused outside working hours</source>
        <translation> · 非营业时间，暂停计时</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Reply templates</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>Fields filled from the case: {0}</source>
        <translation>从售后单自动填写的字段：{0}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>For stages (none: any)</source>
        <translation>适用阶段（不选：全部）</translation>
    </message>
    <message>
        <source>For reasons (none: any)</source>
        <translation>适用原因（不选：全部）</translation>
    </message>
    <message>
        <source>For platforms (none: any)</source>
        <translation>适用平台（不选：全部）</translation>
    </message>
    <message>
        <source>Where buyers send returns: name, phone, address</source>
        <translation>买家寄回的地址：收件人、电话、地址</translation>
    </message>
    <message>
        <source>Return address {退货地址}</source>
        <translation>退货地址 {退货地址}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import reply templates</source>
        <translation>导入话术</translation>
    </message>
    <message>
        <source>{0} added, {1} already there.</source>
        <translation>新增 {0} 条，{1} 条已存在。</translation>
    </message>
    <message>
        <source>Export reply templates</source>
        <translation>导出话术</translation>
    </message>
    <message>
        <source>{0} template(s) written to {1}</source>
        <translation>已把 {0} 条话术写入 {1}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Freight paid by</source>
        <translation>运费承担方</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔付</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <source>New due time</source>
        <translation>新的截止时间</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改项</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>导入自</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作方</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Aftersales Sentinel · due within 24 h: {0}</source>
        <translation>售后哨兵 · 24小时内到期 {0} 个</translation>
    </message>
    <message>
        <source>Overdue, not handled: {0}</source>
        <translation>已超时未处理 {0} 个</translation>
    </message>
    <message>
        <source>Next: {0} {1}</source>
        <translation>下一个: {0} {1}</translation>
    </message>
    <message>
        <source>No running deadlines</source>
        <translation>没有进行中的期限</translation>
    </message>
    <message>
        <source>…{0} in all: click to see them</source>
        <translation>…共 {0} 条，点击查看</translation>
    </message>
    <message>
        <source>Our own deadlines ({0})</source>
        <translation>我方时限（{0}）</translation>
    </message>
    <message>
        <source>Resume alerts (snoozed until {0})</source>
        <translation>恢复提醒（已暂停至 {0}）</translation>
    </message>
    <message>
        <source>Snooze alerts for {0} h</source>
        <translation>暂停提醒 {0} 小时</translation>
    </message>
    <message>
        <source>Snooze alerts for {0} min</source>
        <translation>暂停提醒 {0} 分钟</translation>
    </message>
    <message>
        <source>Open Aftersales Sentinel</source>
        <translation>打开售后哨兵</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>UpcomingTableModel</name>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>After-sales no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Whose clock</source>
        <translation>谁的期限</translation>
    </message>
    <message>
        <source>At zero</source>
        <translation>超时后果</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Kuaishou</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>WeChat Shop</source>
        <translation>微信小店</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Xiaohongshu</source>
        <translation>小红书</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>包装/商品破损</translation>
    </message>
    <message>
        <source>Logistics problem</source>
        <translation>物流问题</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>少件/漏发</translation>
    </message>
    <message>
        <source>No reason (7 days)</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Awaiting merchant</source>
        <translation>待商家处理</translation>
    </message>
    <message>
        <source>Awaiting buyer&apos;s return</source>
        <translation>待买家退货</translation>
    </message>
    <message>
        <source>Awaiting merchant receipt</source>
        <translation>待商家收货</translation>
    </message>
    <message>
        <source>Awaiting merchant shipment</source>
        <translation>待商家发货</translation>
    </message>
    <message>
        <source>Awaiting buyer receipt</source>
        <translation>待买家收货</translation>
    </message>
    <message>
        <source>Rejected by merchant</source>
        <translation>商家已拒绝</translation>
    </message>
    <message>
        <source>Platform intervening</source>
        <translation>平台介入中</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Auto-approve</source>
        <translation>自动同意</translation>
    </message>
    <message>
        <source>Auto-refund</source>
        <translation>自动退款</translation>
    </message>
    <message>
        <source>Auto-close</source>
        <translation>自动关闭</translation>
    </message>
    <message>
        <source>Auto-complete</source>
        <translation>自动完成</translation>
    </message>
    <message>
        <source>Penalty (late shipment)</source>
        <translation>判罚（延迟发货）</translation>
    </message>
    <message>
        <source>Buyer applied</source>
        <translation>买家申请</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Buyer shipped return</source>
        <translation>买家寄回</translation>
    </message>
    <message>
        <source>Return signed for</source>
        <translation>退货签收</translation>
    </message>
    <message>
        <source>Confirm receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <source>Refuse receipt</source>
        <translation>拒绝收货</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Ship replacement</source>
        <translation>发出换货/补发</translation>
    </message>
    <message>
        <source>Buyer confirmed receipt</source>
        <translation>买家确认收货</translation>
    </message>
    <message>
        <source>Buyer withdrew</source>
        <translation>买家撤销</translation>
    </message>
    <message>
        <source>Escalate to platform</source>
        <translation>申请平台介入</translation>
    </message>
    <message>
        <source>Platform ruling</source>
        <translation>平台判定</translation>
    </message>
    <message>
        <source>Buyer re-applied</source>
        <translation>买家再次申请</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>App</source>
        <translation>本应用</translation>
    </message>
    <message>
        <source>Waiting for the buyer to ship the return</source>
        <translation>等待买家寄回</translation>
    </message>
    <message>
        <source>Waiting for the return to be signed for</source>
        <translation>等待退货签收</translation>
    </message>
    <message>
        <source>Stage entered</source>
        <translation>进入阶段</translation>
    </message>
    <message>
        <source>Buyer shipped</source>
        <translation>买家寄出</translation>
    </message>
    <message>
        <source>For the buyer</source>
        <translation>支持买家</translation>
    </message>
    <message>
        <source>For the merchant</source>
        <translation>支持商家</translation>
    </message>
    <message>
        <source>A (official or two sources)</source>
        <translation>A（官方或两个来源）</translation>
    </message>
    <message>
        <source>B (one source)</source>
        <translation>B（单一来源）</translation>
    </message>
    <message>
        <source>C (unverified)</source>
        <translation>C（未核实）</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>Aftersales Sentinel: first start</source>
        <translation>售后哨兵 · 首次使用</translation>
    </message>
    <message>
        <source>Quit for now</source>
        <translation>暂不设置，退出</translation>
    </message>
    <message>
        <source>Closes Aftersales Sentinel without saving anything; this welcome opens again next time.</source>
        <translation>关闭售后哨兵，不保存任何内容；下次启动时会再次显示本欢迎向导。</translation>
    </message>
    <message>
        <source>Preparing the data folder…</source>
        <translation>正在准备数据文件夹…</translation>
    </message>
    <message>
        <source>Cannot set up the data folder</source>
        <translation>无法创建数据文件夹</translation>
    </message>
    <message>
        <source>{0}

Choose another folder and try again.</source>
        <translation>{0}

请换一个文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Please enter the amount.</source>
        <translation>请输入金额。</translation>
    </message>
</context>
</TS>
