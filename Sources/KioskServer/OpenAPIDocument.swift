import Foundation

/// The OpenAPI 3.1 description of Kiosk's HTTP APIs (the Content API and the Admin API), served at `/api/openapi.json`.
enum OpenAPIDocument {
    /// The document as JSON text.
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Kiosk APIs",
    "version": "1.0.0",
    "description": "The public, read-only Content API: published articles and the taxonomy as JSON. Drafts never appear. Every answer allows any origin (CORS). Mistakes get an RFC 9457 problem document. When the server runs with KIOSK_CONTENT_API_KEY, every request must carry that key as the key query parameter; otherwise key is ignored. The Admin API under /api/admin/v1 needs an integration token (made by an administrator in the newsroom, shown once, stored hashed, revocable, read or read-and-write) as Authorization: Bearer TOKEN; it works on articles in any state, media, sections, topics, series and authors, reads newsletter subscribers, and answers every mistake with an RFC 9457 problem document."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "Content",
      "description": "The read-only Content API under /api/content/v1."
    },
    {
      "name": "Admin",
      "description": "The Admin API under /api/admin/v1, for integrations with a token (Authorization: Bearer)."
    }
  ],
  "paths": {
    "/api/content/v1/articles": {
      "get": {
        "operationId": "listArticles",
        "summary": "Published articles, newest first, a page at a time.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "name": "page",
            "in": "query",
            "required": false,
            "description": "The page, from 1 (the default).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000,
              "default": 1
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Articles a page, 15 unless given.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 15
            }
          },
          {
            "name": "section",
            "in": "query",
            "required": false,
            "description": "Only articles of this section (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "Only articles of this topic (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "series",
            "in": "query",
            "required": false,
            "description": "Only articles of this series (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "name": "author",
            "in": "query",
            "required": false,
            "description": "Only articles of this author (a slug). Use at most one of section, topic, series and author; more answer 400, an unknown slug 404.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          {
            "$ref": "#/components/parameters/Fields"
          },
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of articles.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "articles",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "articles": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ArticleSummary"
                      }
                    },
                    "meta": {
                      "type": "object",
                      "required": [
                        "pagination"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "pagination": {
                          "$ref": "#/components/schemas/Pagination"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/content/v1/articles/{ref}": {
      "get": {
        "operationId": "getArticle",
        "summary": "One published article, by id or slug.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "name": "ref",
            "in": "path",
            "required": true,
            "description": "The article's numeric id or its slug.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "1"
          },
          {
            "$ref": "#/components/parameters/Fields"
          },
          {
            "name": "include",
            "in": "query",
            "required": false,
            "description": "Comma-separated extras; html adds the rendered body. Anything else is ignored.",
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/content/v1/sections": {
      "get": {
        "operationId": "listSections",
        "summary": "All sections.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The sections.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "sections",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "sections": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/topics": {
      "get": {
        "operationId": "listTopics",
        "summary": "All topics.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The topics.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "topics",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "topics": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/series": {
      "get": {
        "operationId": "listSeries",
        "summary": "All series.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The series.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "series",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "series": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Term"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/authors": {
      "get": {
        "operationId": "listAuthors",
        "summary": "All authors.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The authors.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "authors",
                    "meta"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "authors": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Author"
                      }
                    },
                    "meta": {
                      "$ref": "#/components/schemas/Total"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/content/v1/settings": {
      "get": {
        "operationId": "getSettings",
        "summary": "The publication's public settings.",
        "tags": [
          "Content"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Key"
          }
        ],
        "responses": {
          "200": {
            "description": "The settings.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "settings"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "settings": {
                      "$ref": "#/components/schemas/Settings"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/admin/v1/articles": {
      "get": {
        "operationId": "adminListArticles",
        "summary": "Articles in any state, most recently changed first.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "draft",
                "review",
                "scheduled",
                "published",
                "trash"
              ]
            }
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of articles.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "articles": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminArticleRow"
                      }
                    },
                    "meta": {
                      "type": "object",
                      "properties": {
                        "pagination": {
                          "$ref": "#/components/schemas/AdminPagination"
                        }
                      },
                      "required": [
                        "pagination"
                      ],
                      "additionalProperties": false
                    }
                  },
                  "required": [
                    "articles",
                    "meta"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminCreateArticle",
        "summary": "Create a draft.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticleInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new draft.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/articles/{id}": {
      "get": {
        "operationId": "adminGetArticle",
        "summary": "One article in any state, with its version.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          }
        }
      },
      "put": {
        "operationId": "adminUpdateArticle",
        "summary": "Replace an article's content, if it is still at the given version.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticleUpdate"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The saved article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "409": {
            "$ref": "#/components/responses/AdminConflict"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/articles/{id}/publish": {
      "post": {
        "operationId": "adminPublishArticle",
        "summary": "Publish now.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "409": {
            "$ref": "#/components/responses/AdminConflict"
          }
        }
      }
    },
    "/api/admin/v1/articles/{id}/unpublish": {
      "post": {
        "operationId": "adminUnpublishArticle",
        "summary": "Take off the site, back to draft.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "409": {
            "$ref": "#/components/responses/AdminConflict"
          }
        }
      }
    },
    "/api/admin/v1/articles/{id}/schedule": {
      "post": {
        "operationId": "adminScheduleArticle",
        "summary": "Publish at a later moment.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "publish_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "publish_at"
                ],
                "additionalProperties": true
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The scheduled article.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/AdminArticle"
                    }
                  },
                  "required": [
                    "article"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "409": {
            "$ref": "#/components/responses/AdminConflict"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/media": {
      "get": {
        "operationId": "adminListMedia",
        "summary": "The media library, newest first.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "search",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of media.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "media": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminMedia"
                      }
                    },
                    "meta": {
                      "type": "object",
                      "properties": {
                        "pagination": {
                          "$ref": "#/components/schemas/AdminPagination"
                        }
                      },
                      "required": [
                        "pagination"
                      ],
                      "additionalProperties": false
                    }
                  },
                  "required": [
                    "media",
                    "meta"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminUploadMedia",
        "summary": "Upload a JPEG, PNG, WebP or GIF as the raw body; the type and size are read from its bytes.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "alt",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "caption",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "credit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The stored image (the existing one when the same file was uploaded before).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "media": {
                      "$ref": "#/components/schemas/AdminMedia"
                    }
                  },
                  "required": [
                    "media"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/sections": {
      "get": {
        "operationId": "adminListSections",
        "summary": "Every section.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "The list.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "sections": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminTerm"
                      }
                    }
                  },
                  "required": [
                    "sections"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminCreateSections",
        "summary": "Create a section.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new section.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "section": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "section"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/sections/{id}": {
      "put": {
        "operationId": "adminUpdateSections",
        "summary": "Change a section; a new slug leaves the old one redirecting.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed section.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "section": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "section"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/topics": {
      "get": {
        "operationId": "adminListTopics",
        "summary": "Every topic.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "The list.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "topics": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminTerm"
                      }
                    }
                  },
                  "required": [
                    "topics"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminCreateTopics",
        "summary": "Create a topic.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new topic.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "topic": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "topic"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/topics/{id}": {
      "put": {
        "operationId": "adminUpdateTopics",
        "summary": "Change a topic; a new slug leaves the old one redirecting.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed topic.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "topic": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "topic"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/series": {
      "get": {
        "operationId": "adminListSeries",
        "summary": "Every series.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "The list.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "series": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminTerm"
                      }
                    }
                  },
                  "required": [
                    "series"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminCreateSeries",
        "summary": "Create a series.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new series.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "series": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "series"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/series/{id}": {
      "put": {
        "operationId": "adminUpdateSeries",
        "summary": "Change a series; a new slug leaves the old one redirecting.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed series.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "series": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "series"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/authors": {
      "get": {
        "operationId": "adminListAuthors",
        "summary": "Every author.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "The list.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "authors": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminTerm"
                      }
                    }
                  },
                  "required": [
                    "authors"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      },
      "post": {
        "operationId": "adminCreateAuthors",
        "summary": "Create a author.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new author.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "author": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "author"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/authors/{id}": {
      "put": {
        "operationId": "adminUpdateAuthors",
        "summary": "Change a author; a new slug leaves the old one redirecting.",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TermInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The changed author.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "author": {
                      "$ref": "#/components/schemas/AdminTerm"
                    }
                  },
                  "required": [
                    "author"
                  ],
                  "additionalProperties": false
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AdminForbidden"
          },
          "404": {
            "$ref": "#/components/responses/AdminNotFound"
          },
          "413": {
            "$ref": "#/components/responses/AdminTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/AdminUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/AdminUnprocessable"
          }
        }
      }
    },
    "/api/admin/v1/subscribers": {
      "get": {
        "operationId": "adminListSubscribers",
        "summary": "Newsletter subscribers, newest first (read only).",
        "tags": [
          "Admin"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "pending",
                "active",
                "unsubscribed",
                "bounced"
              ]
            }
          },
          {
            "name": "search",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of subscribers.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "subscribers",
                    "meta"
                  ],
                  "properties": {
                    "subscribers": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AdminSubscriber"
                      }
                    },
                    "meta": {
                      "type": "object",
                      "additionalProperties": false,
                      "required": [
                        "pagination"
                      ],
                      "properties": {
                        "pagination": {
                          "$ref": "#/components/schemas/AdminPagination"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AdminBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/AdminUnauthorized"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Key": {
        "name": "key",
        "in": "query",
        "required": false,
        "description": "The access key, required only when the server is configured with KIOSK_CONTENT_API_KEY; a missing or wrong key then answers 401.",
        "schema": {
          "type": "string"
        }
      },
      "Fields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Comma-separated article fields to return, from id, slug, url, title, dek, format, section, series, authors, excerpt, image, published_at; an unknown field answers 400. Empty or absent means all.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "A parameter is malformed or out of range.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The access key is missing or wrong.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "Nothing published by that id, slug or filter.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminBadRequest": {
        "description": "A parameter or the body is malformed.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminUnauthorized": {
        "description": "No token, or a token that is not valid or was revoked.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminForbidden": {
        "description": "The token may only read.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminNotFound": {
        "description": "No record with this id.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminConflict": {
        "description": "The change does not fit the article's state, or its version is stale.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminTooLarge": {
        "description": "The body is larger than allowed.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminUnsupportedMediaType": {
        "description": "The body is not JSON.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "AdminUnprocessable": {
        "description": "The content breaks a rule: the detail says which.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem document.",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string"
          }
        }
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "ISO 8601 in UTC."
      },
      "Reference": {
        "type": "object",
        "required": [
          "slug",
          "name"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          }
        }
      },
      "AuthorReference": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Image": {
        "type": "object",
        "required": [
          "url",
          "alt",
          "caption",
          "credit",
          "width",
          "height"
        ],
        "additionalProperties": false,
        "properties": {
          "url": {
            "type": "string"
          },
          "alt": {
            "type": "string"
          },
          "caption": {
            "type": "string"
          },
          "credit": {
            "type": "string"
          },
          "width": {
            "type": "integer"
          },
          "height": {
            "type": "integer"
          }
        }
      },
      "ArticleSummary": {
        "type": "object",
        "additionalProperties": false,
        "description": "An article in a list. All properties are present unless fields= picks some.",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "url": {
            "type": "string",
            "description": "The article's public address."
          },
          "title": {
            "type": "string"
          },
          "dek": {
            "type": "string"
          },
          "format": {
            "type": "string",
            "enum": [
              "reporting",
              "analysis",
              "opinion",
              "explainer",
              "interview",
              "review"
            ]
          },
          "section": {
            "$ref": "#/components/schemas/Reference"
          },
          "series": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Reference"
              },
              {
                "type": "null"
              }
            ]
          },
          "authors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuthorReference"
            }
          },
          "excerpt": {
            "type": "string"
          },
          "image": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Image"
              },
              {
                "type": "null"
              }
            ]
          },
          "published_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "Article": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "topics",
          "updated_at"
        ],
        "description": "One article. The summary properties are present unless fields= picks some; topics and updated_at always, html with include=html.",
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "url": {
            "type": "string",
            "description": "The article's public address."
          },
          "title": {
            "type": "string"
          },
          "dek": {
            "type": "string"
          },
          "format": {
            "type": "string",
            "enum": [
              "reporting",
              "analysis",
              "opinion",
              "explainer",
              "interview",
              "review"
            ]
          },
          "section": {
            "$ref": "#/components/schemas/Reference"
          },
          "series": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Reference"
              },
              {
                "type": "null"
              }
            ]
          },
          "authors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuthorReference"
            }
          },
          "excerpt": {
            "type": "string"
          },
          "image": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Image"
              },
              {
                "type": "null"
              }
            ]
          },
          "published_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Reference"
            }
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "html": {
            "type": "string",
            "description": "The rendered body; only with include=html."
          }
        }
      },
      "Pagination": {
        "type": "object",
        "required": [
          "page",
          "limit",
          "pages",
          "total",
          "next",
          "prev"
        ],
        "additionalProperties": false,
        "properties": {
          "page": {
            "type": "integer",
            "minimum": 1
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "pages": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "next": {
            "type": [
              "integer",
              "null"
            ]
          },
          "prev": {
            "type": [
              "integer",
              "null"
            ]
          }
        }
      },
      "Total": {
        "type": "object",
        "required": [
          "total"
        ],
        "additionalProperties": false,
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Link": {
        "type": "object",
        "required": [
          "label",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "label": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Term": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "description",
          "url"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Author": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "bio",
          "url",
          "links"
        ],
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "bio": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "links": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      },
      "Settings": {
        "type": "object",
        "required": [
          "name",
          "description",
          "about",
          "locale",
          "time_zone",
          "url",
          "social_profiles"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "about": {
            "type": "string"
          },
          "locale": {
            "type": "string"
          },
          "time_zone": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "social_profiles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      },
      "AdminArticleRow": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "review",
              "scheduled",
              "published",
              "trash"
            ]
          },
          "section": {
            "type": "string"
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "published_at": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        },
        "required": [
          "id",
          "title",
          "status",
          "section",
          "authors",
          "published_at",
          "updated_at"
        ],
        "additionalProperties": false
      },
      "AdminArticle": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer"
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "status": {
            "type": "string",
            "enum": [
              "draft",
              "review",
              "scheduled",
              "published",
              "trash"
            ]
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "title": {
            "type": "string"
          },
          "dek": {
            "type": "string"
          },
          "format": {
            "type": "string",
            "enum": [
              "reporting",
              "analysis",
              "opinion",
              "explainer",
              "interview",
              "review"
            ]
          },
          "section": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ]
          },
          "series": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            }
          },
          "top_media_id": {
            "oneOf": [
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "markdown": {
            "type": "string"
          },
          "html": {
            "type": "string"
          },
          "seo_title": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "seo_description": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "canonical_url": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "url": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "published_at": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        },
        "required": [
          "id",
          "version",
          "status",
          "slug",
          "title",
          "dek",
          "format",
          "section",
          "series",
          "topics",
          "authors",
          "top_media_id",
          "markdown",
          "html",
          "seo_title",
          "seo_description",
          "canonical_url",
          "url",
          "published_at",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false
      },
      "ArticleInput": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "slug": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "dek": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 1000
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "format": {
            "oneOf": [
              {
                "type": "string",
                "enum": [
                  "reporting",
                  "analysis",
                  "opinion",
                  "explainer",
                  "interview",
                  "review"
                ]
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "section": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "topics": {
            "oneOf": [
              {
                "type": "array",
                "items": {
                  "type": "string",
                  "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                  "minLength": 1,
                  "maxLength": 120
                }
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "series": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            },
            "minItems": 1
          },
          "top_media_id": {
            "oneOf": [
              {
                "type": "integer",
                "minimum": 1
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "markdown": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "seo_title": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "seo_description": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "canonical_url": {
            "oneOf": [
              {
                "type": "string",
                "format": "uri"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          }
        },
        "required": [
          "title",
          "section",
          "authors"
        ],
        "additionalProperties": true,
        "description": "A new article. Section, series, topics and authors are named by slug; the slug is made from the title when absent."
      },
      "ArticleUpdate": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "slug": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "dek": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 1000
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "format": {
            "oneOf": [
              {
                "type": "string",
                "enum": [
                  "reporting",
                  "analysis",
                  "opinion",
                  "explainer",
                  "interview",
                  "review"
                ]
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "section": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "topics": {
            "oneOf": [
              {
                "type": "array",
                "items": {
                  "type": "string",
                  "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                  "minLength": 1,
                  "maxLength": 120
                }
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "series": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "minLength": 1,
              "maxLength": 120
            },
            "minItems": 1
          },
          "top_media_id": {
            "oneOf": [
              {
                "type": "integer",
                "minimum": 1
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "markdown": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "seo_title": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "seo_description": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "canonical_url": {
            "oneOf": [
              {
                "type": "string",
                "format": "uri"
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "version": {
            "type": "integer",
            "minimum": 1,
            "description": "The version the change is based on, as last read."
          }
        },
        "required": [
          "title",
          "section",
          "authors",
          "version"
        ],
        "additionalProperties": true,
        "description": "The whole new state of an article and the version it is based on; a stale version answers 409 and the sent content is kept as a revision."
      },
      "AdminMedia": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer"
          },
          "url": {
            "type": "string"
          },
          "content_type": {
            "type": "string",
            "description": "image/jpeg, image/png, image/gif or image/webp for uploads; the demo's generated illustrations are image/svg+xml."
          },
          "width": {
            "type": "integer",
            "minimum": 1
          },
          "height": {
            "type": "integer",
            "minimum": 1
          },
          "alt": {
            "type": "string"
          },
          "caption": {
            "type": "string"
          },
          "credit": {
            "type": "string"
          },
          "uses": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "id",
          "url",
          "content_type",
          "width",
          "height",
          "alt",
          "caption",
          "credit",
          "uses"
        ],
        "additionalProperties": false
      },
      "AdminTerm": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer"
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "minLength": 1,
            "maxLength": 120
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "position": {
            "type": "integer"
          }
        },
        "required": [
          "id",
          "slug",
          "name",
          "description"
        ],
        "additionalProperties": false
      },
      "TermInput": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "slug": {
            "oneOf": [
              {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minLength": 1,
                "maxLength": 120
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "description": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 1000
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          },
          "position": {
            "oneOf": [
              {
                "type": "integer",
                "minimum": -1000000,
                "maximum": 1000000
              },
              {
                "type": "null"
              }
            ],
            "description": "Optional; null means absent."
          }
        },
        "required": [
          "name"
        ],
        "additionalProperties": true
      },
      "AdminPagination": {
        "type": "object",
        "properties": {
          "page": {
            "type": "integer"
          },
          "limit": {
            "type": "integer"
          },
          "pages": {
            "type": "integer"
          },
          "total": {
            "type": "integer"
          }
        },
        "required": [
          "page",
          "limit",
          "pages",
          "total"
        ],
        "additionalProperties": false
      },
      "AdminSubscriber": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "email",
          "status",
          "source",
          "created_at",
          "confirmed_at",
          "newsletters"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "email": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "active",
              "unsubscribed",
              "bounced"
            ]
          },
          "source": {
            "type": "string"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "confirmed_at": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "newsletters": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An integration token made by an administrator in the newsroom under Integrations."
      }
    }
  }
}
"""#
}
