using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServices.Platform.Audit;
using PublicServices.Platform.Datasets;
using PublicServices.Platform.Documents;
using PublicServices.Platform.Documents.Issuing;
using PublicServices.Platform.Documents.Signing;
using PublicServices.Platform.Dossiers;
using PublicServices.Platform.Tasks;
using PublicServices.Platform.Engine;
using PublicServices.Platform.Forms;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Notifications;
using PublicServices.Platform.Payments;
using PublicServices.Platform.Payments.Sandbox;
using PublicServices.Platform.Persistence;
using PublicServices.Platform.Results;
using PublicServices.Platform.Statistics;
using PublicServices.Platform.Storage;

namespace PublicServices.Platform;

/// <summary>Everything the portal does that is not HTTP, registered for the web app and the CLI alike.</summary>
public static class PlatformExtensions
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        var database = PersistenceExtensions.ResolveOptions(configuration, contentRoot);
        services.AddPlatformPersistence(configuration, contentRoot);
        services.AddSingleton<IFileStorage>(new LocalFileStorage(Path.Combine(database.DataPath, "files")));
        services.AddScoped<OfficialAccounts>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<UnitImport>();
        services.AddEngineHosting(configuration, contentRoot);
        services.AddSingleton<DossierCodes>();
        services.AddScoped<DossierSubmission>();
        services.AddSingleton(SubmissionOptions.From(configuration));
        services.AddSingleton<SubmissionWriter>();
        services.AddScoped<DossierOrigins>();
        services.AddScoped<DossierAmendment>();
        services.AddScoped<DossierEdit>();
        services.AddScoped<DossierWithdrawal>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<DraftService>();
        services.AddScoped<DraftPurgeWork>();
        services.AddScoped<IBackgroundWork>(provider => provider.GetRequiredService<DraftPurgeWork>());
        services.AddSingleton(provider =>
        {
            var errors = new List<PublicServices.Workflows.Definitions.Loading.DefinitionError>();
            var catalog = NotificationTemplateCatalog.LoadDirectory(Path.Combine(provider.GetRequiredService<WorkflowFiles>().Templates, "notifications"), errors);
            return errors.Count == 0 ? catalog : throw new InvalidOperationException(
                "Notification templates have errors / Mẫu thông báo có lỗi:\n" + string.Join("\n", errors));
        });
        services.AddSingleton(provider =>
        {
            var errors = new List<PublicServices.Workflows.Definitions.Loading.DefinitionError>();
            var catalog = DocumentTemplateCatalog.LoadDirectory(Path.Combine(provider.GetRequiredService<WorkflowFiles>().Templates, "documents"), errors);
            return errors.Count == 0 ? catalog : throw new InvalidOperationException(
                "Document templates have errors / Mẫu văn bản có lỗi:\n" + string.Join("\n", errors));
        });
        // Fonts: Documents:FontPath, else Noto (fonts-noto-core), else DejaVu. Signing certificate: Documents:Signing
        // (a PFX, or a development certificate made in the data folder); the web host checks it at start-up.
        services.AddSingleton(provider => new DocumentSigner(
            SigningCertificates.Load(DocumentSigningOptions.From(configuration), database.DataPath, provider.GetRequiredService<TimeProvider>()),
            DocumentSigningOptions.From(configuration)));
        services.AddSingleton(provider => new DocumentRenderer(DocumentFonts.Locate(configuration["Documents:FontPath"]), provider.GetRequiredService<DocumentSigner>()));
        services.AddHostedService<DocumentSigningStartup>();
        services.AddSingleton(configuration.GetSection("Documents").Get<DocumentIssuingOptions>() ?? new DocumentIssuingOptions());
        services.AddScoped<IOutboxHandler, DocumentIssuingHandler>();
        services.AddScoped<IssuedDocuments>();
        services.AddScoped<IOutboxHandler, NotificationOutboxHandler>();
        // E-mail: SMTP when configured; the local mail drop where enabled (Development); otherwise in-app messages only.
        if (configuration.GetSection("Notifications:Smtp").Get<SmtpOptions>() is { Host.Length: > 0 } smtp)
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(smtp));
        else if (configuration.GetValue("Notifications:MailDrop:Enabled", false))
            services.AddSingleton<IEmailSender>(provider => new MailDropEmailSender(Path.Combine(database.DataPath, "maildrop"), provider.GetRequiredService<TimeProvider>()));
        // SMS: an HTTP gateway when Notifications:Sms:Url is set (its ApiKey from the environment or secrets); the same mail
        // drop where it is enabled (Development); otherwise none, and templates' sms texts are not used.
        if (configuration.GetSection("Notifications:Sms").Get<SmsOptions>() is { Url.Length: > 0 } sms)
        {
            if (!Uri.TryCreate(sms.Url, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("https" or "http"))
                throw new InvalidOperationException($"Notifications:Sms:Url must be an absolute http(s) address / phải là địa chỉ http(s) đầy đủ: '{sms.Url}'.");
            services.AddSingleton(sms);
            services.AddHttpClient(HttpSmsSender.ClientName);
            services.AddSingleton<ISmsSender, HttpSmsSender>();
        }
        else if (configuration.GetValue("Notifications:MailDrop:Enabled", false))
            services.AddSingleton<ISmsSender>(provider => new MailDropSmsSender(Path.Combine(database.DataPath, "maildrop"), provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<NotificationLog>();
        services.AddScoped<DeadlineReminderWork>();
        services.AddScoped<IBackgroundWork>(provider => provider.GetRequiredService<DeadlineReminderWork>());
        services.AddScoped<DossierQueries>();
        services.AddScoped<AuditLog>();
        services.AddScoped<TaskQueue>();
        services.AddScoped<TaskActions>();
        services.AddScoped<BulkCompletion>();
        services.AddScoped<TaskEscalationWork>();
        // The sandbox takes no real money, so it must never be reachable in production: on only when configured
        // (appsettings.Development.json turns it on for `dotnet run` and the tests).
        if (configuration.GetValue("Payments:Sandbox:Enabled", false))
        {
            services.AddSingleton<SandboxOptions>();
            services.AddScoped<IPaymentProvider, SandboxProvider>();
            services.AddScoped<SandboxGateway>();
            services.AddScoped<SandboxNotificationReceiver>();
            services.AddScoped<IOutboxHandler, SandboxNotifyHandler>();
        }
        services.AddScoped<PaymentService>();
        var vietQr = configuration.GetSection("Payments:VietQr").Get<PublicServices.Platform.Payments.VietQr.VietQrOptions>();
        if (vietQr is { Bin.Length: 6, Account.Length: > 0 })
        {
            services.AddSingleton(vietQr);
            services.AddScoped<IPaymentProvider, PublicServices.Platform.Payments.VietQr.VietQrProvider>();
        }
        services.AddScoped<PublicServices.Platform.Payments.VietQr.StatementImport>();
        services.AddScoped<Reconciliation>();
        var vnpay = configuration.GetSection("Payments:VnPay").Get<PublicServices.Platform.Payments.Protocols.VnPay.VnPayOptions>();
        if (vnpay is { TmnCode.Length: > 0, HashSecret.Length: > 0, ReturnUrl.Length: > 0 })
        {
            services.AddSingleton(vnpay);
            services.AddScoped<IPaymentProvider, PublicServices.Platform.Payments.VnPay.VnPayProvider>();
            services.AddScoped<PublicServices.Platform.Payments.VnPay.VnPayIpnReceiver>();
        }
        services.AddScoped<PaymentMopUpWork>();
        services.AddScoped<IBackgroundWork>(provider => provider.GetRequiredService<PaymentMopUpWork>());
        services.AddScoped<IBackgroundWork>(provider => provider.GetRequiredService<TaskEscalationWork>());
        services.AddScoped<DossierStatistics>();
        services.AddSingleton<ExamSubjects>();
        services.AddScoped<ScoreImport>();
        services.AddScoped<ResultPublication>();
        services.AddScoped<ExamResults>();
        services.AddSingleton(new ResultsCache(configuration.GetValue("Results:CacheEntries", 200_000)));
        services.AddSingleton<IDatasetChangeObserver>(provider => provider.GetRequiredService<ResultsCache>());
        services.AddScoped<IOutboxHandler, DatasetMergeHandler>();
        services.AddScoped<StatisticsUnits>();
        services.AddScoped(provider => new FormValidator(provider.GetRequiredService<DefinitionRegistry>().CodeLists, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Identity stores and rules shared by the web app and the CLI; the web app adds sign-in on top.</summary>
    public static IdentityBuilder AddPlatformIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();

    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireDigit = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
    }
}
