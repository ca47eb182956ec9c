using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Features.CreatePost;

/// <summary>Saves a draft for its author, with each target's content-rule problems in the answer; in the caller's unit of work.</summary>
internal sealed class DraftCreation(PostsDbContext db, TargetChecks checks, ITenantContext tenant, IAuditTrail audit, TimeProvider clock)
{
    public async Task<PostResponse> CreateAsync(PostPayload payload, Guid createdBy, CancellationToken cancellationToken)
    {
        var accounts = await checks.ResolveAccountsAsync(payload.Targets.Select(t => t.AccountId), cancellationToken);
        var media = await checks.ResolveMediaAsync(payload, cancellationToken);
        var now = clock.GetUtcNow();
        var post = new Post
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.RequiredTenantId,
            CreatedBy = createdBy,
            Status = PostStatus.Draft,
            CreatedAt = now,
        };
        PostWriter.Apply(post, payload, accounts, media, now);
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.PostCreated, post.Id) { After = PostAudit.Summary(post) }, cancellationToken);
        return PostResponse.From(post, checks.Check(post));
    }
}
