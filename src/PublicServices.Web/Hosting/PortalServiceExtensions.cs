using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using PublicServices.Platform;
using PublicServices.Platform.Identity;
using PublicServices.Platform.Persistence;
using PublicServices.Web.Features.Account;
using PublicServices.Web.Features.Dashboard;
using PublicServices.Web.Identity;
using PublicServices.Web.Localization;

namespace PublicServices.Web.Hosting;

/// <summary>The portal's services, one method per concern; Program.cs reads as a table of contents.</summary>
public static class PortalServiceExtensions
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPlatform(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddPortalIdentity();
        builder.AddPortalLocalization();
        builder.AddPortalOperations();
        // Vietnamese letters go out as UTF-8, not as "&#x1EAD;" entities: pages are about a third lighter on a phone.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddRazorOptions(razor =>
            {
                // Feature folders: views live beside their controller.
                razor.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
                razor.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
            ModelBindingMessages.Localize(mvc.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
        services.AddScoped<ApplicantRegistration>();
        services.AddScoped<DashboardAccess>();
        services.AddScoped<DashboardReports>();
        if (builder.Configuration.GetValue("Workers:Enabled", true))
            services.AddHostedService<PublicServices.Platform.Engine.EngineWorker>();
        return builder;
    }

    private static void AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PortalAuthentication.Scheme;
                o.DefaultChallengeScheme = PortalAuthentication.Scheme;
            })
            .AddPolicyScheme(PortalAuthentication.Scheme, "Cookie or bearer token", p => p.ForwardDefaultSelector = PortalAuthentication.SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddPlatformIdentityCore()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddAuthorization(o => o.AddPolicy(Officials.Policy, p => p.RequireClaim(PortalClaims.Official, "true")));
        services.AddScoped<IClaimsTransformation, ActiveAccountCheck>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RevokedSessionChallenge>();
        services.AddDataProtection()
            .SetApplicationName("PublicServices")
            .PersistKeysToDbContext<AppDbContext>();
    }

    private static void AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Vietnamese);
            o.SupportedCultures = PortalCultures.Supported;
            o.SupportedUICultures = PortalCultures.Supported;
            // Cookie (the language switch) and ?culture=en; never the browser's Accept-Language: Vietnamese first.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    private static void AddPortalOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind a proxy the operator lists it (ForwardedHeaders__KnownProxies); the defaults trust loopback only.
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole();

        var signInPermits = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 20);
        var callbackPermits = builder.Configuration.GetValue("RateLimits:CallbacksPerMinute", 600);
        var verifyPermits = builder.Configuration.GetValue("RateLimits:VerifyPerMinute", 30);
        var resultsPermits = builder.Configuration.GetValue("RateLimits:ResultsPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimitPolicies.Callbacks, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = callbackPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimitPolicies.Verify, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verifyPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimitPolicies.Results, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = resultsPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddOpenApi(o => o.AddSchemaTransformer(PublicServices.Web.Api.TasksEndpoints.DescribeBodies));
    }
}
