using Microsoft.AspNetCore.Mvc;

namespace Platform.SocialAccounts.Features.ListAccounts;

internal sealed record ListAccountsRequest([FromQuery] string? Platform, [FromQuery] int? Page, [FromQuery] int? PageSize);
