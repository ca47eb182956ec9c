using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Json;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;

namespace Platform.Agents.Features.ListAccounts;

[McpServerToolType]
internal sealed class ListAccountsTool(ToolInvoker invoker)
{
    public const string Name = "list_accounts";

    [McpServerTool(Name = Name, ReadOnly = true)]
    [Description("The tenant's connected social accounts: id (to target in draft_post), platform, name, handle, status, " +
        "whether a person must reconnect it, and whether publishing to it is paused.")]
    public Task<string> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        invoker.RunAsync(caller, Name, ApiScope.AccountsRead, ToolDatabaseUse.UnitOfWork, async services =>
        {
            var accounts = await services.GetRequiredService<ISocialAccounts>().ListAsync(cancellationToken);
            var paused = await services.GetRequiredService<IPosts>().PausedAccountsAsync(accounts.Select(a => a.Id), cancellationToken);
            return ApiJson.ToElement(accounts.Select(a => new AgentAccount(
                a.Id, a.Platform, a.DisplayName, a.Handle, a.Status, a.Status != AccountStatus.Active, paused.Contains(a.Id))).ToList());
        }, cancellationToken);
}
