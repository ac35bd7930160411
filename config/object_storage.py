"""The media storage the environment asks for: S3-compatible object storage when a bucket is named.

Several application servers cannot share a MEDIA_ROOT folder; they share a bucket (home/object_storage.py). Read by
config/settings/production.py; every variable is described in docs/deployment.md.
"""

from urllib.parse import urlsplit

# Environment variable → option of django-storages' S3Storage.
S3_OPTIONS_FROM_ENV = {
    "AWS_S3_ENDPOINT_URL": "endpoint_url",  # MinIO, Ceph, Scaleway, …; unset for AWS itself
    "AWS_S3_REGION_NAME": "region_name",
    "AWS_S3_CUSTOM_DOMAIN": "custom_domain",  # a CDN in front of the public bucket, e.g. media.example.org
    "AWS_S3_ADDRESSING_STYLE": "addressing_style",  # "path" or "virtual"
}


def s3_media_storage(bucket, private_bucket, environ):
    """The ``STORAGES["default"]`` entry for media in ``bucket`` (private files in ``private_bucket``, or under the
    ``private/`` prefix of ``bucket`` when it is empty)."""
    options = {"bucket_name": bucket, "private_bucket_name": private_bucket}
    for variable, option in S3_OPTIONS_FROM_ENV.items():
        if value := environ.get(variable, "").strip():
            options[option] = value
    if "endpoint_url" in options:
        options.setdefault("addressing_style", "path")  # what S3-compatible servers answer to without DNS set-up
    return {"BACKEND": "home.object_storage.S3MediaStorage", "OPTIONS": options}


def s3_media_url(options):
    """The address public media are served from, for MEDIA_URL (the Content-Security-Policy allows images from it).

    The custom domain when there is one; otherwise the bucket's address as boto3 writes it (path-style under the
    endpoint, or AWS's virtual-hosted style).
    """
    bucket = options["bucket_name"]
    if domain := options.get("custom_domain"):
        return f"https://{domain}/"
    if endpoint := options.get("endpoint_url"):
        if options.get("addressing_style") == "virtual":
            parts = urlsplit(endpoint)
            return f"{parts.scheme}://{bucket}.{parts.netloc}/"
        return f"{endpoint.rstrip('/')}/{bucket}/"
    region = options.get("region_name")
    host = f"s3.{region}.amazonaws.com" if region and region != "us-east-1" else "s3.amazonaws.com"
    return f"https://{bucket}.{host}/"
