using Sotong.Core.Alerts;
using Sotong.Core.Campaigns;
using Sotong.Core.Cases;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Inbox;
using Sotong.Core.Messaging;
using Sotong.Core.Open311;
using Sotong.Core.Organization;
using Sotong.Core.Qna;
using Sotong.Core.Subscribers;
using Sotong.Core.Triage;
using Sotong.Web.Alerts;
using Sotong.Web.Auth;
using Sotong.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddSotongCommon();
builder.AddSotongData();
builder.AddStaffAuth();
builder.AddOrganization();
builder.AddInbox();
builder.AddTriage();
builder.AddCases();
builder.AddOpen311();
builder.AddQna();
builder.AddMessaging();
builder.AddSubscribers();
builder.AddCampaigns();
builder.AddAlerts();
builder.AddAlertsWeb();
builder.AddSotongWeb();

var app = builder.Build();

if (AdminCommand.IsRequested(args))
{
    return await AdminCommand.RunAsync(app, args);
}
if (TriageCommand.IsRequested(args))
{
    return await TriageCommand.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();

app.UseSotongPipeline();
app.MapOrganization();
app.MapInbox();
app.MapTriage();
app.MapCases();
app.MapOpen311();
app.MapQna();
app.MapMessaging();
app.MapSubscribers();
app.MapCampaigns();
app.MapAlerts();
app.MapAlertsWeb();
app.MapStaffAuth();
app.MapSotongWeb();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
